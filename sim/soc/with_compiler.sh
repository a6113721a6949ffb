#!/bin/sh
# CXX_COMPILER_LAUNCHER that compiles with another compiler (sim/soc/CMakeLists.txt):
#   with_compiler.sh OTHER_CXX PROJECT_CXX ARGS...  ->  OTHER_CXX ARGS...
cxx=$1
shift 2
exec "$cxx" "$@"
