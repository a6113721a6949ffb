// rv_core_pkg: constants and the decoded-instruction bundle of the RV32IMA core.
// Read this file before the other rtl/core sources (Yosys 0.23 needs packages
// first; modules refer to rv_core_pkg::name, never `import`).
package rv_core_pkg;

  // ALU operations.
  localparam logic [3:0] ALU_ADD   = 4'd0;
  localparam logic [3:0] ALU_SUB   = 4'd1;
  localparam logic [3:0] ALU_SLL   = 4'd2;
  localparam logic [3:0] ALU_SLT   = 4'd3;
  localparam logic [3:0] ALU_SLTU  = 4'd4;
  localparam logic [3:0] ALU_XOR   = 4'd5;
  localparam logic [3:0] ALU_SRL   = 4'd6;
  localparam logic [3:0] ALU_SRA   = 4'd7;
  localparam logic [3:0] ALU_OR    = 4'd8;
  localparam logic [3:0] ALU_AND   = 4'd9;
  localparam logic [3:0] ALU_PASSB = 4'd10;

  // Exception causes (mcause codes).
  localparam logic [4:0] EXC_FETCH_MISALIGNED = 5'd0;
  localparam logic [4:0] EXC_FETCH_ACCESS     = 5'd1;
  localparam logic [4:0] EXC_ILLEGAL          = 5'd2;
  localparam logic [4:0] EXC_BREAKPOINT       = 5'd3;
  localparam logic [4:0] EXC_LOAD_MISALIGNED  = 5'd4;
  localparam logic [4:0] EXC_LOAD_ACCESS      = 5'd5;
  localparam logic [4:0] EXC_STORE_MISALIGNED = 5'd6;
  localparam logic [4:0] EXC_STORE_ACCESS     = 5'd7;
  localparam logic [4:0] EXC_ECALL_U          = 5'd8;
  localparam logic [4:0] EXC_ECALL_M          = 5'd11;

  // Decoded instruction, produced in D and registered into E. Fields that the
  // instruction word already carries (funct3, register numbers, CSR address)
  // are read from the word itself.
  typedef struct packed {
    logic        illegal;
    logic        use_rs1;
    logic        use_rs2;
    logic        rd_we;      // writes rd (rd may still be x0)
    logic [3:0]  alu_op;
    logic        alu_a_pc;   // operand A is the pc (AUIPC)
    logic        alu_b_imm;  // operand B is the immediate
    logic        branch;
    logic        jal;
    logic        jalr;
    logic        load;
    logic        store;
    logic        amo;        // AMO*, LR and SC
    logic        mul;
    logic        div;        // DIV, DIVU, REM, REMU
    logic        csr;
    logic        ecall;
    logic        ebreak;
    logic        mret;
    logic        wfi;
    logic        fence_i;
    logic [31:0] imm;
  } ctrl_t;

endpackage
