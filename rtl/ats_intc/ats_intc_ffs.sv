// ats_intc_ffs: find first set — index of the lowest set bit of in_i.
//
// Purely combinational, a tree of 4-bit groups so the depth grows with the
// log of the width: each group reports whether it has a set bit and the
// position of its lowest one (one LUT level), the groups are encoded the same
// way one level up, and the winning group's position is selected. found_o is 0
// and idx_o is 0 when no bit is set. The ATS-INTC uses it for every
// "lowest-numbered" rule of the contract: the most urgent level, the first
// non-empty list of a process, the lowest resetting process, the lowest
// source with a wake to do.
module ats_intc_ffs #(
  parameter int WIDTH = 8,
  localparam int IW = (WIDTH > 1) ? $clog2(WIDTH) : 1
) (
  input  logic [WIDTH-1:0] in_i,
  output logic             found_o,
  output logic [IW-1:0]    idx_o
);

  localparam int NG = (WIDTH + 3) / 4;     // 4-bit groups

  assign found_o = |in_i;

  if (WIDTH <= 4) begin : g_leaf
    always_comb begin
      idx_o = '0;
      for (int i = WIDTH - 1; i >= 0; i--) begin
        if (in_i[i]) idx_o = IW'(i);
      end
    end
  end else begin : g_tree
    localparam int GW = (NG > 1) ? $clog2(NG) : 1;
    logic [NG*4-1:0] padded;
    logic [NG-1:0]   any;
    logic [NG*2-1:0] sub;
    logic            unused_found;
    logic [GW-1:0]   grp;

    assign padded = (NG*4)'(in_i);
    // The groups of an empty input are all empty (any 0, position 3), so the
    // found_o test changes no value; it lets a simulator skip the groups when
    // the input is empty, which it is most of the time for most instances.
    always_comb begin : p_groups
      any = '0;
      sub = {NG{2'd3}};
      if (found_o) begin
        for (int g = 0; g < NG; g++) begin
          any[g] = |padded[g*4 +: 4];
          sub[g*2 +: 2] = padded[g*4]     ? 2'd0 :
                          padded[g*4 + 1] ? 2'd1 :
                          padded[g*4 + 2] ? 2'd2 : 2'd3;
        end
      end
    end

    ats_intc_ffs #(
      .WIDTH (NG)
    ) u_groups (
      .in_i    (any),
      .found_o (unused_found),
      .idx_o   (grp)
    );

    assign idx_o = IW'({grp, sub[grp*2 +: 2]});
  end

endmodule
