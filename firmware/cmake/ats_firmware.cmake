# Cross-compiling firmware for the ATS-INTC SoC (RV32IMA, ilp32, no C extension).
#
# Freestanding C++20 compiled with riscv64-unknown-elf-g++, linked with the gcc
# driver against picolibc's rv32im multilib (shared/NOTES.md "RISC-V cross
# compiler"): any -march containing _zicsr at link time would select the rv64
# libraries, and g++ would add a -lstdc++ that does not exist for the target.
#
#   ats_firmware_library(<name> SOURCES <src>... [INCLUDE_DIRS <dir>...]
#                        [DEFINES <def>...] [CXXFLAGS <flag>...])
#       Compiles the sources once into objects that programs link with LIBS.
#       (The BSP itself is the library `bsp`, linked into every program.)
#
#   ats_firmware(<name> SOURCES <src>... [LIBS <lib>...] [INCLUDE_DIRS <dir>...]
#                [DEFINES <def>...] [CXXFLAGS <flag>...] [LDFLAGS <flag>...]
#                [LINKER_SCRIPT <file>] [NO_BSP])
#       Builds ${CMAKE_BINARY_DIR}/firmware/<name>.elf with <name>.dis
#       (disassembly) and <name>.map beside it; target fw_<name>, part of the
#       `firmware` target (ALL). The ELF path is the target property ELF_FILE:
#       $<TARGET_PROPERTY:fw_<name>,ELF_FILE>. LDFLAGS may override the link
#       script's knobs, e.g. -Wl,--defsym=__stack_size=4K (see bsp/link.ld).
#
# Sources: .cpp/.cc (C++20), .c (C11), .S (assembler with the preprocessor).
# Include paths: firmware/ (so "bsp/uart.h") and firmware/include
# ("ats_intc_regs.h"). Every ELF is checked after linking: ELF32 RISC-V,
# e_flags 0 (no RVC, soft-float ABI), entry 0x80000000, a tohost symbol.

find_program(RISCV_GCC riscv64-unknown-elf-gcc REQUIRED)
find_program(RISCV_GXX riscv64-unknown-elf-g++ REQUIRED)
find_program(RISCV_OBJDUMP riscv64-unknown-elf-objdump REQUIRED)
find_program(RISCV_READELF riscv64-unknown-elf-readelf REQUIRED)

# Settings are cache entries so ats_firmware() works from any directory.
get_filename_component(_ats_fw_root ${CMAKE_CURRENT_LIST_DIR}/.. ABSOLUTE)
set(ATS_FW_ROOT ${_ats_fw_root} CACHE INTERNAL "firmware/ source directory")
set(ATS_FW_OUT ${CMAKE_BINARY_DIR}/firmware CACHE INTERNAL "firmware output directory")
set(ATS_FW_LINK_SCRIPT ${ATS_FW_ROOT}/bsp/link.ld CACHE INTERNAL "default link script")
set(ATS_FW_ARCH -march=rv32ima_zicsr_zifencei -mabi=ilp32 CACHE INTERNAL "")
set(ATS_FW_COMMON_FLAGS ${ATS_FW_ARCH} -O2 -g -ffreestanding -msmall-data-limit=0
    -ffunction-sections -fdata-sections -fno-asynchronous-unwind-tables
    -Wall -Wextra --specs=picolibc.specs CACHE INTERNAL "")
set(ATS_FW_CXX_FLAGS -std=c++20 -fno-exceptions -fno-rtti -fno-threadsafe-statics
    CACHE INTERNAL "")
set(ATS_FW_C_FLAGS -std=c11 CACHE INTERNAL "")
set(ATS_FW_LINK_FLAGS -march=rv32im -mabi=ilp32 --specs=picolibc.specs -nostartfiles
    -Wl,--gc-sections -Wl,--no-warn-rwx-segments CACHE INTERNAL "")
set(ATS_FW_BASE_INCLUDES ${ATS_FW_ROOT} ${ATS_FW_ROOT}/include CACHE INTERNAL "")

# Compiles `src` into an object under `objdir`; appends its path to out_var.
function(_ats_fw_compile out_var src objdir)
  cmake_parse_arguments(A "" "" "INCLUDE_DIRS;DEFINES;CXXFLAGS" ${ARGN})
  get_filename_component(src ${src} ABSOLUTE)
  get_filename_component(repo ${ATS_FW_ROOT}/.. ABSOLUTE)
  file(RELATIVE_PATH rel ${repo} ${src})
  if(rel MATCHES "^\\.\\.")
    get_filename_component(rel ${src} NAME)
  endif()
  set(obj ${objdir}/${rel}.o)
  get_filename_component(dir ${obj} DIRECTORY)
  set(incs "")
  foreach(d IN LISTS ATS_FW_BASE_INCLUDES A_INCLUDE_DIRS)
    get_filename_component(d ${d} ABSOLUTE)
    list(APPEND incs -I${d})
  endforeach()
  set(defs "")
  foreach(d IN LISTS A_DEFINES)
    list(APPEND defs -D${d})
  endforeach()
  if(src MATCHES "\\.[sS]$")
    set(cmd ${RISCV_GCC} ${ATS_FW_ARCH} -g ${incs} ${defs})
  elseif(src MATCHES "\\.c$")
    set(cmd ${RISCV_GCC} ${ATS_FW_COMMON_FLAGS} ${ATS_FW_C_FLAGS} ${incs} ${defs} ${A_CXXFLAGS})
  else()
    set(cmd ${RISCV_GXX} ${ATS_FW_COMMON_FLAGS} ${ATS_FW_CXX_FLAGS} ${incs} ${defs} ${A_CXXFLAGS})
  endif()
  add_custom_command(OUTPUT ${obj}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
    COMMAND ${cmd} -MMD -MP -MF ${obj}.d -c ${src} -o ${obj}
    DEPENDS ${src}
    DEPFILE ${obj}.d
    COMMENT "Firmware: compiling ${rel}"
    VERBATIM)
  set(${out_var} ${${out_var}} ${obj} PARENT_SCOPE)
endfunction()

function(ats_firmware_library name)
  cmake_parse_arguments(A "" "" "SOURCES;INCLUDE_DIRS;DEFINES;CXXFLAGS" ${ARGN})
  if(NOT A_SOURCES)
    message(FATAL_ERROR "ats_firmware_library(${name}): no SOURCES")
  endif()
  set(objs "")
  foreach(src IN LISTS A_SOURCES)
    _ats_fw_compile(objs ${src} ${ATS_FW_OUT}/obj/lib_${name}
      INCLUDE_DIRS ${A_INCLUDE_DIRS} DEFINES ${A_DEFINES} CXXFLAGS ${A_CXXFLAGS})
  endforeach()
  add_custom_target(fwlib_${name} DEPENDS ${objs})
  set_property(GLOBAL PROPERTY ATS_FWLIB_${name}_OBJECTS ${objs})
endfunction()

function(ats_firmware name)
  cmake_parse_arguments(A "NO_BSP" "LINKER_SCRIPT"
    "SOURCES;LIBS;INCLUDE_DIRS;DEFINES;CXXFLAGS;LDFLAGS" ${ARGN})
  if(NOT A_SOURCES)
    message(FATAL_ERROR "ats_firmware(${name}): no SOURCES")
  endif()
  if(NOT A_LINKER_SCRIPT)
    set(A_LINKER_SCRIPT ${ATS_FW_LINK_SCRIPT})
  endif()
  get_filename_component(A_LINKER_SCRIPT ${A_LINKER_SCRIPT} ABSOLUTE)
  set(libs ${A_LIBS})
  if(NOT A_NO_BSP)
    list(PREPEND libs bsp)
  endif()

  set(objs "")
  foreach(src IN LISTS A_SOURCES)
    _ats_fw_compile(objs ${src} ${ATS_FW_OUT}/obj/${name}
      INCLUDE_DIRS ${A_INCLUDE_DIRS} DEFINES ${A_DEFINES} CXXFLAGS ${A_CXXFLAGS})
  endforeach()
  set(lib_objs "")
  foreach(lib IN LISTS libs)
    get_property(lo GLOBAL PROPERTY ATS_FWLIB_${lib}_OBJECTS)
    if(NOT lo)
      message(FATAL_ERROR "ats_firmware(${name}): unknown firmware library ${lib}")
    endif()
    list(APPEND lib_objs ${lo})
  endforeach()

  set(elf ${ATS_FW_OUT}/${name}.elf)
  set(dis ${ATS_FW_OUT}/${name}.dis)
  set(map ${ATS_FW_OUT}/${name}.map)
  add_custom_command(OUTPUT ${elf} ${dis}
    COMMAND ${RISCV_GCC} ${ATS_FW_LINK_FLAGS} ${A_LDFLAGS} -T ${A_LINKER_SCRIPT}
            -Wl,-Map=${map} -o ${elf} ${objs} ${lib_objs}
    COMMAND ${CMAKE_COMMAND} -DELF=${elf} -DDIS=${dis} -DOBJDUMP=${RISCV_OBJDUMP}
            -DREADELF=${RISCV_READELF} -P ${ATS_FW_ROOT}/cmake/check_elf.cmake
    DEPENDS ${objs} ${lib_objs} ${A_LINKER_SCRIPT} ${ATS_FW_ROOT}/cmake/check_elf.cmake
    COMMENT "Firmware: linking ${name}.elf"
    VERBATIM)
  add_custom_target(fw_${name} DEPENDS ${elf} ${dis})
  foreach(lib IN LISTS libs)
    add_dependencies(fw_${name} fwlib_${lib})
  endforeach()
  set_target_properties(fw_${name} PROPERTIES ELF_FILE ${elf})
  add_dependencies(firmware fw_${name})
endfunction()
