// rv_decoder: combinational RV32IMA + Zicsr + Zifencei decoder. Flags every
// encoding the ISS (sim/iss) treats as illegal; privilege-dependent checks
// (CSR access, MRET/WFI in U-mode) are made later in E.
module rv_decoder (
  input  logic [31:0]          instr_i,
  output rv_core_pkg::ctrl_t   ctrl_o,
  // The J immediate if instr_i[2] (JAL's opcode), else the B immediate: valid
  // for JAL and branches, straight from the instruction bits (one multiplexer,
  // no decode), for D's target adder.
  output logic [31:0]          imm_bj_o
);

  logic [6:0] opcode;
  logic [2:0] funct3;
  logic [6:0] funct7;
  logic [4:0] funct5;
  logic [31:0] imm_i, imm_s, imm_b, imm_u, imm_j;

  assign opcode = instr_i[6:0];
  assign funct3 = instr_i[14:12];
  assign funct7 = instr_i[31:25];
  assign funct5 = instr_i[31:27];
  assign imm_i  = {{20{instr_i[31]}}, instr_i[31:20]};
  assign imm_s  = {{20{instr_i[31]}}, instr_i[31:25], instr_i[11:7]};
  assign imm_b  = {{19{instr_i[31]}}, instr_i[31], instr_i[7], instr_i[30:25], instr_i[11:8], 1'b0};
  assign imm_u  = {instr_i[31:12], 12'b0};
  assign imm_j  = {{11{instr_i[31]}}, instr_i[31], instr_i[19:12], instr_i[20], instr_i[30:21],
                   1'b0};
  assign imm_bj_o = instr_i[2] ? imm_j : imm_b;

  always_comb begin
    ctrl_o = '0;
    ctrl_o.alu_op = rv_core_pkg::ALU_ADD;
    ctrl_o.imm = imm_i;
    unique case (opcode)
      7'b0110111: begin  // LUI
        ctrl_o.rd_we = 1'b1;
        ctrl_o.alu_op = rv_core_pkg::ALU_PASSB;
        ctrl_o.alu_b_imm = 1'b1;
        ctrl_o.imm = imm_u;
      end
      7'b0010111: begin  // AUIPC
        ctrl_o.rd_we = 1'b1;
        ctrl_o.alu_a_pc = 1'b1;
        ctrl_o.alu_b_imm = 1'b1;
        ctrl_o.imm = imm_u;
      end
      7'b1101111: begin  // JAL
        ctrl_o.rd_we = 1'b1;
        ctrl_o.jal = 1'b1;
        ctrl_o.imm = imm_j;
      end
      7'b1100111: begin  // JALR
        ctrl_o.rd_we = 1'b1;
        ctrl_o.jalr = 1'b1;
        ctrl_o.use_rs1 = 1'b1;
        ctrl_o.alu_b_imm = 1'b1;  // the ALU computes the target
        ctrl_o.illegal = funct3 != 3'b000;
      end
      7'b1100011: begin  // branches
        ctrl_o.branch = 1'b1;
        ctrl_o.alu_op = rv_core_pkg::ALU_SUB;  // unused (own comparator in E)
        ctrl_o.use_rs1 = 1'b1;
        ctrl_o.use_rs2 = 1'b1;
        ctrl_o.imm = imm_b;
        ctrl_o.illegal = funct3[2:1] == 2'b01;
      end
      7'b0000011: begin  // loads
        ctrl_o.load = 1'b1;
        ctrl_o.alu_b_imm = 1'b1;  // the ALU computes the address
        ctrl_o.rd_we = 1'b1;
        ctrl_o.use_rs1 = 1'b1;
        ctrl_o.illegal = funct3 == 3'b011 || funct3[2:1] == 2'b11;
      end
      7'b0100011: begin  // stores
        ctrl_o.store = 1'b1;
        ctrl_o.alu_b_imm = 1'b1;
        ctrl_o.use_rs1 = 1'b1;
        ctrl_o.use_rs2 = 1'b1;
        ctrl_o.imm = imm_s;
        ctrl_o.illegal = funct3[2] || funct3[1:0] == 2'b11;
      end
      7'b0101111: begin  // A extension
        ctrl_o.amo = 1'b1;
        ctrl_o.alu_b_imm = 1'b1;
        ctrl_o.rd_we = 1'b1;
        ctrl_o.use_rs1 = 1'b1;
        ctrl_o.use_rs2 = 1'b1;
        ctrl_o.imm = '0;
        unique case (funct5)
          5'b00000, 5'b00001, 5'b00011, 5'b00100, 5'b01000, 5'b01100, 5'b10000, 5'b10100,
          5'b11000, 5'b11100: ctrl_o.illegal = funct3 != 3'b010;
          5'b00010: ctrl_o.illegal = funct3 != 3'b010 || instr_i[24:20] != 5'd0;
          default: ctrl_o.illegal = 1'b1;
        endcase
      end
      7'b0010011: begin  // OP-IMM
        ctrl_o.rd_we = 1'b1;
        ctrl_o.use_rs1 = 1'b1;
        ctrl_o.alu_b_imm = 1'b1;
        unique case (funct3)
          3'b000: ctrl_o.alu_op = rv_core_pkg::ALU_ADD;
          3'b001: begin
            ctrl_o.alu_op = rv_core_pkg::ALU_SLL;
            ctrl_o.illegal = funct7 != 7'b0;
          end
          3'b010: ctrl_o.alu_op = rv_core_pkg::ALU_SLT;
          3'b011: ctrl_o.alu_op = rv_core_pkg::ALU_SLTU;
          3'b100: ctrl_o.alu_op = rv_core_pkg::ALU_XOR;
          3'b101: begin
            ctrl_o.alu_op = instr_i[30] ? rv_core_pkg::ALU_SRA : rv_core_pkg::ALU_SRL;
            ctrl_o.illegal = {funct7[6], funct7[4:0]} != 6'b0;
          end
          3'b110: ctrl_o.alu_op = rv_core_pkg::ALU_OR;
          default: ctrl_o.alu_op = rv_core_pkg::ALU_AND;
        endcase
      end
      7'b0110011: begin  // OP
        ctrl_o.rd_we = 1'b1;
        ctrl_o.use_rs1 = 1'b1;
        ctrl_o.use_rs2 = 1'b1;
        if (funct7 == 7'b0000001) begin
          ctrl_o.mul = !funct3[2];
          ctrl_o.div = funct3[2];
        end else if (funct7 == 7'b0000000) begin
          unique case (funct3)
            3'b000: ctrl_o.alu_op = rv_core_pkg::ALU_ADD;
            3'b001: ctrl_o.alu_op = rv_core_pkg::ALU_SLL;
            3'b010: ctrl_o.alu_op = rv_core_pkg::ALU_SLT;
            3'b011: ctrl_o.alu_op = rv_core_pkg::ALU_SLTU;
            3'b100: ctrl_o.alu_op = rv_core_pkg::ALU_XOR;
            3'b101: ctrl_o.alu_op = rv_core_pkg::ALU_SRL;
            3'b110: ctrl_o.alu_op = rv_core_pkg::ALU_OR;
            default: ctrl_o.alu_op = rv_core_pkg::ALU_AND;
          endcase
        end else if (funct7 == 7'b0100000 && funct3 == 3'b000) begin
          ctrl_o.alu_op = rv_core_pkg::ALU_SUB;
        end else if (funct7 == 7'b0100000 && funct3 == 3'b101) begin
          ctrl_o.alu_op = rv_core_pkg::ALU_SRA;
        end else begin
          ctrl_o.illegal = 1'b1;
        end
      end
      7'b0001111: begin  // FENCE, FENCE.I
        ctrl_o.fence_i = funct3 == 3'b001;
        ctrl_o.illegal = funct3[2:1] != 2'b00;
      end
      7'b1110011: begin  // SYSTEM
        if (funct3 == 3'b000) begin
          ctrl_o.ecall  = instr_i == 32'h0000_0073;
          ctrl_o.ebreak = instr_i == 32'h0010_0073;
          ctrl_o.mret   = instr_i == 32'h3020_0073;
          ctrl_o.wfi    = instr_i == 32'h1050_0073;
          ctrl_o.illegal = !(instr_i == 32'h0000_0073 || instr_i == 32'h0010_0073 ||
                             instr_i == 32'h3020_0073 || instr_i == 32'h1050_0073);
        end else begin
          ctrl_o.csr = funct3 != 3'b100;
          ctrl_o.rd_we = 1'b1;
          ctrl_o.use_rs1 = !funct3[2];
          ctrl_o.illegal = funct3 == 3'b100;
        end
      end
      default: ctrl_o.illegal = 1'b1;
    endcase
    if (ctrl_o.illegal) begin
      ctrl_o.rd_we = 1'b0;
      ctrl_o.use_rs1 = 1'b0;
      ctrl_o.use_rs2 = 1'b0;
      ctrl_o.load = 1'b0;
      ctrl_o.store = 1'b0;
      ctrl_o.amo = 1'b0;
      ctrl_o.mul = 1'b0;
      ctrl_o.div = 1'b0;
      ctrl_o.csr = 1'b0;
      ctrl_o.branch = 1'b0;
      ctrl_o.jal = 1'b0;
      ctrl_o.jalr = 1'b0;
      ctrl_o.fence_i = 1'b0;
    end
  end

endmodule
