# Runs the Python example of docs/output.md on a small fresh `trek run` result.
# -DTREK=<trek binary> -DSOURCE_DIR=<project root> -DWORK_DIR=<scratch folder>
file(MAKE_DIRECTORY ${WORK_DIR})
set(out ${WORK_DIR}/example.h5)
execute_process(
  COMMAND ${TREK} run ${SOURCE_DIR}/scenarios/ghent/stay_on_x.toml --weeks 6 --replicates 2
          --set population.graph=follower:n=2000,seed=1 --force --quiet -o ${out}
  RESULT_VARIABLE run_code)
if(NOT run_code EQUAL 0)
  message(FATAL_ERROR "trek run failed (${run_code})")
endif()
execute_process(
  COMMAND /usr/bin/python3 ${SOURCE_DIR}/analysis/read_run_example.py ${out}
  RESULT_VARIABLE code OUTPUT_VARIABLE output ERROR_VARIABLE errors)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "the example failed: ${errors}")
endif()
string(REGEX MATCHALL "active at week 6" lines "${output}")
list(LENGTH lines count)
if(NOT count EQUAL 9)
  message(FATAL_ERROR "expected 9 platforms at week 6, got:\n${output}")
endif()
message(STATUS "${output}")
