# Runs one firmware program on the simulator and checks the result:
#   cmake -DSIM=<soc_sim> -DELF=<program.elf> [-DSIM_ARGS="<options>"]
#         [-DEXPECT=<regex>] [-DREJECT=<regex>] -P run_system_test.cmake
# Passes when the simulator exits with status 0 (the firmware's exit code was
# 0), the output (stdout + stderr) matches EXPECT, and nothing matches REJECT
# (default: a failed check, an unexpected trap or a timeout of the firmware).
# SIM_ARGS is one string of options separated by spaces.
if(NOT SIM OR NOT ELF)
  message(FATAL_ERROR "run_system_test.cmake: SIM and ELF are required")
endif()
if(NOT DEFINED REJECT)
  set(REJECT "(^|\n)(FAIL|TRAP)")
endif()
separate_arguments(args UNIX_COMMAND "${SIM_ARGS}")
set(ENV{SYSTEMC_DISABLE_COPYRIGHT_MESSAGE} 1)
execute_process(COMMAND ${SIM} --progress 0 ${args} ${ELF}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(JOIN " " cmdline ${SIM} --progress 0 ${args} ${ELF})
message("$ ${cmdline}\n${out}${err}")
set(all "${out}${err}")
if(NOT rc STREQUAL "0")
  message(FATAL_ERROR "simulator exit status ${rc} (expected 0)")
endif()
if(DEFINED EXPECT AND NOT all MATCHES "${EXPECT}")
  message(FATAL_ERROR "output does not match '${EXPECT}'")
endif()
if(NOT REJECT STREQUAL "" AND all MATCHES "${REJECT}")
  message(FATAL_ERROR "output matches '${REJECT}'")
endif()
