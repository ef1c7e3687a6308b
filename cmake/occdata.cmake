# occdata.cmake — builds the occupation database at build time: extracts the
# official files shipped in data/occupations/*.tar.xz into SRC, then imports
# them with the aicert just built.  Run with cmake -P, given AICERT, ARCHIVES
# (a ;-list), SRC and DB.  No network, nothing but CMake and aicert.
file(REMOVE_RECURSE ${SRC})
file(MAKE_DIRECTORY ${SRC})
string(REPLACE "|" ";" ARCHIVES "${ARCHIVES}")
foreach(a IN LISTS ARCHIVES)
  execute_process(COMMAND ${CMAKE_COMMAND} -E tar xf ${a} WORKING_DIRECTORY ${SRC} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cannot extract ${a}")
  endif()
endforeach()
execute_process(COMMAND ${AICERT} data import --from ${SRC} --to ${DB} --quiet RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the occupation database could not be built from ${SRC}")
endif()
