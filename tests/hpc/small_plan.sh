# Sourced by the plan-search tests: writes plan.toml, a small plan (leaving X on 1,500 agents over
# 20 weeks), into the current folder. Usage: write_small_plan SOURCE_DIR EVALUATIONS
write_small_plan() {
  cat > plan.toml <<TOML
base = "$1/scenarios/ghent/stay_on_x.toml"
set = ["population.graph=\"follower:n=1500,seed=2\"", "simulation.weeks=20"]
seed = 9
worlds = 3
verify_worlds = 3
[decisions]
leave = "x"
leave_week = { min = 2, max = 21 }
announce_weeks = { min = 0, max = 4 }
[search]
initial = 3
evaluations = $2
batch = 2
TOML
}
