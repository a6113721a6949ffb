// rv_pmp: one physical-memory-protection checker (combinational). The core
// has two, the fetch side (X, on the pc of the instruction in D) and the data
// side (R/W, on the registered address in M), or with PMP_SHARED one for both
// (the fetch page's result cached). Entries follow the privileged
// spec: OFF/TOR/NA4/NAPOT, lowest-numbered match wins, locked entries bind
// M-mode, no match grants M-mode and denies U-mode.
//
// GRAN is log2 of the granule in bytes (2 = 4 bytes, 12 = 4 KiB). cfg_i and
// addr_cfg_i are the stored pmpcfg bytes and pmpaddr words of all entries; for
// GRAN > 2 the CSR file already keeps bits below the granule at zero (and NA4
// cannot be selected, so no NA4 comparator is built). care_i is each entry's
// NAPOT compare mask (rv_pmp_care), computed once and shared by the checkers.
module rv_pmp #(
  parameter int unsigned ENTRIES = 8,
  parameter int unsigned GRAN    = 2
) (
  input  logic [31:2]             addr_i,    // word address of the access
  input  logic                    m_mode_i,  // effective privilege is M
  input  logic [2:0]              need_i,    // {X, W, R} permissions required
  input  logic [8*ENTRIES-1:0]    cfg_i,
  input  logic [32*ENTRIES-1:0]   addr_cfg_i,
  input  logic [32*ENTRIES-1:0]   care_i,
  output logic                    allow_o
);

  localparam int unsigned G = GRAN - 2;
  localparam int unsigned LSB = (G == 0) ? 0 : G;  // lowest pmpaddr bit TOR compares

  logic [31:0]        word;
  logic [ENTRIES-1:0] below;   // word < pmpaddr[i] (granule-aligned)
  logic [ENTRIES-1:0] match;

  assign word = {2'b00, addr_i};


  for (genvar i = 0; i < ENTRIES; i++) begin : g_entry
    logic [1:0]  mode;
    logic [31:0] pa;
    logic [31:0] care;
    logic        lower_ok;

    assign mode = cfg_i[8*i + 3 +: 2];
    assign pa   = addr_cfg_i[32*i +: 32];
    assign care = care_i[32*i +: 32];
    assign below[i] = word[31:LSB] < pa[31:LSB];

    if (i == 0) begin : g_first
      assign lower_ok = 1'b1;
    end else begin : g_rest
      assign lower_ok = !below[i - 1];
    end

    always_comb begin
      unique case (mode)
        2'b01:   match[i] = lower_ok && below[i];
        2'b10:   match[i] = (G == 0) && word == pa;
        2'b11:   match[i] = ((word ^ pa) & care) == 32'd0;
        default: match[i] = 1'b0;
      endcase
    end
  end

  // Lowest-numbered match wins: a binary tree of (any match below, result of
  // the lowest match), so the depth grows with log(ENTRIES) and no carry chain
  // (whose output the LUT mapper would take as early) follows the compares.
  // The tree has 16 leaves: ENTRIES is 1..16 (rv_core's PMP_ENTRIES).
  logic [15:0] any, res;
  always_comb begin
    any = '0;
    res = '0;
    for (int i = 0; i < ENTRIES; i++) begin
      any[i] = match[i];
      res[i] = (m_mode_i && !cfg_i[8*i + 7]) || ((cfg_i[8*i +: 3] & need_i) == need_i);
    end
    for (int lvl = 0; lvl < 4; lvl++) begin
      for (int j = 0; j < (8 >> lvl); j++) begin
        res[j] = any[2*j] ? res[2*j] : res[2*j + 1];
        any[j] = any[2*j] || any[2*j + 1];
      end
    end
    allow_o = any[0] ? res[0] : m_mode_i;
  end

endmodule
