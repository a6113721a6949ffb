# Post-link check of a firmware ELF and its disassembly (run by ats_firmware):
#   cmake -DELF=... -DDIS=... -DOBJDUMP=... -DREADELF=... -P check_elf.cmake
# Fails the build when the ELF is not RV32 without compressed instructions
# (e_flags must be 0: no RVC, soft-float ilp32), does not start at
# 0x80000000, or lacks the tohost symbol the simulator honours.
execute_process(COMMAND ${READELF} -h ${ELF} OUTPUT_VARIABLE hdr RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "readelf failed on ${ELF}")
endif()
if(NOT hdr MATCHES "Class:[ \t]+ELF32")
  message(FATAL_ERROR "${ELF}: not ELF32")
endif()
if(NOT hdr MATCHES "Flags:[ \t]+0x0[ \t]*\n")
  string(REGEX MATCH "Flags:[^\n]*" flags "${hdr}")
  message(FATAL_ERROR
    "${ELF}: ${flags} (expected 0x0: compressed code or a float ABI was linked in)")
endif()
if(NOT hdr MATCHES "Entry point address:[ \t]+0x80000000")
  message(FATAL_ERROR "${ELF}: entry point is not 0x80000000")
endif()
execute_process(COMMAND ${READELF} -s ${ELF} OUTPUT_VARIABLE syms)
if(NOT syms MATCHES " tohost\n")
  message(FATAL_ERROR "${ELF}: no tohost symbol")
endif()
execute_process(COMMAND ${OBJDUMP} -d ${ELF} OUTPUT_FILE ${DIS} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "objdump failed on ${ELF}")
endif()
