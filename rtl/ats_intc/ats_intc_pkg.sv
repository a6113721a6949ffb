// ats_intc_pkg: types shared by the ATS-INTC modules (hand-written; the
// register offsets and fields are in the generated ats_intc_reg_pkg).
package ats_intc_pkg;

  // The register a native-port request addresses, one bit per kind
  // (ats_intc_decode sets at most one bit of kreg_t or preg_t, except that
  // DEQ_FRAME sets preg_t.deq and preg_t.deq_frame: it is a DEQ).
  typedef struct packed {
    logic id;
    logic version;
    logic cfg0;
    logic cfg1;
    logic global_err;
    logic ctrl;
    logic free;
    logic best;
    logic iter_ctrl;
    logic iter_next;
    logic iter_where;
    logic err_procs;
    logic proc_ctrl;
    logic quota;
    logic held;
    logic affinity;
    logic hart_proc;
    logic run_prio;
    logic src_cfg;
    logic fire;
    logic src_stat;
    logic cnt_enq;
    logic cnt_deq;
    logic cnt_wake;
    logic cnt_ovf;
    logic cnt_err;
    logic max_occ;
  } kreg_t;

  typedef struct packed {
    logic enq;
    logic deq;
    logic err;
    logic cancel_st;
    logic held;
    logic wait_on;
    logic send;
    logic cancel;
    logic pending;
    logic deq_frame;  // DEQ_FRAME: a DEQ (deq is set too) that returns the frame bits only
  } preg_t;

  // The access checks that depend on the request alone (docs/ats_intc.md 4.1).
  typedef struct packed {
    logic align;
    logic absent;
    logic bad_off;
    logic bad_src;
    logic bad_word;
    logic bad_value;
  } req_err_t;

endpackage
