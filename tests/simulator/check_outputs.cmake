# Runs one program with an FST trace, then a VCD trace of two pins, with
# --stats, and checks the files: the FST exists and is not empty, the VCD
# declares exactly the chosen pins, the JSON parses and has the fields
# docs/simulator.md lists.
foreach(args "--trace;${OUT}/run.fst;--stats;${OUT}/run.json"
             "--trace;${OUT}/run.vcd;--trace-signals;uart_tx_valid,exit_valid;--trace-from;2")
  execute_process(COMMAND ${SIM} --progress 0 ${args} ${ELF} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "soc_sim ${args} failed (${rc}): ${out}")
  endif()
endforeach()
file(SIZE ${OUT}/run.fst fst_size)
if(fst_size LESS 100)
  message(FATAL_ERROR "run.fst is ${fst_size} bytes")
endif()
file(READ ${OUT}/run.vcd vcd)
string(REGEX MATCHALL "\\$var [^$]*\\$end" vars "${vcd}")
list(LENGTH vars nvars)
if(NOT nvars EQUAL 2 OR NOT vcd MATCHES "uart_tx_valid" OR NOT vcd MATCHES "exit_valid")
  message(FATAL_ERROR "run.vcd should declare uart_tx_valid and exit_valid: ${vars}")
endif()
execute_process(COMMAND ${PYTHON} -c
  "import json,sys; d=json.load(open(sys.argv[1])); [d[k] for k in ('cycles','instructions','irq_edges','intc','packets','stop','exit_code','sim_mhz')]; assert d['stop']=='exit' and d['exit_code']==0 and d['cycles']>0 and d['instructions'][0]>0, d"
  ${OUT}/run.json RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "run.json: ${err}")
endif()
message(STATUS "FST ${fst_size} bytes, VCD with ${nvars} variables, JSON ok")
