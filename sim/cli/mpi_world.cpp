#include "sim/cli/mpi_world.hpp"

#include <cstdio>
#include <exception>

#include <bit>
#include <cstdlib>

#include "sim/cli/common.hpp"
#include "sim/util/error.hpp"

#ifdef TREK_MPI
#include <mpi.h>
#endif

namespace sim::cli {
namespace {

int environment_count(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::atoi(value) : 0;
}

/// Set by OpenMPI's mpirun and by PMIx launchers such as `srun --mpi=pmix`.
bool launched_by_mpi() {
  return std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr || std::getenv("PMIX_RANK") != nullptr;
}

}  // namespace

MpiWorld::MpiWorld() {
#ifdef TREK_MPI
  if (launched_by_mpi()) {
    MPI_Init(nullptr, nullptr);
    initialised_ = true;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
  }
#else
  if (environment_count("OMPI_COMM_WORLD_SIZE") > 1) {
    throw util::InputError({"mpirun", 0, ""},
                           "this trek was built without MPI; rebuild with -DTREK_MPI=ON");
  }
#endif
  const int tasks = environment_count("SLURM_STEP_NUM_TASKS");
  if (tasks > 1 && size_ == 1) {
    throw util::InputError({"srun", 0, ""}, "started as " + std::to_string(tasks) +
                                                " tasks without MPI; use srun --mpi=pmix with a "
                                                "trek built with -DTREK_MPI=ON");
  }
}

MpiWorld::~MpiWorld() {
#ifdef TREK_MPI
  if (initialised_) MPI_Finalize();
#endif
}

bool MpiWorld::all(bool ok) const {
#ifdef TREK_MPI
  if (initialised_) {
    int mine = ok ? 1 : 0, every = 0;
    MPI_Allreduce(&mine, &every, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    return every == 1;
  }
#endif
  return ok;
}

std::uint64_t MpiWorld::sum(std::uint64_t value) const {
#ifdef TREK_MPI
  if (initialised_) {
    unsigned long long mine = value, total = 0;
    MPI_Allreduce(&mine, &total, 1, MPI_UNSIGNED_LONG_LONG, MPI_SUM, MPI_COMM_WORLD);
    return total;
  }
#endif
  return value;
}

void MpiWorld::share(std::vector<double>& values, const std::vector<char>& mine) const {
#ifdef TREK_MPI
  if (initialised_) {
    // Each entry's bits are summed over the ranks, zero on all but its owner: the owner's bits.
    std::vector<unsigned long long> bits(values.size(), 0);
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (mine[i] != 0) bits[i] = std::bit_cast<unsigned long long>(values[i]);
    }
    MPI_Allreduce(MPI_IN_PLACE, bits.data(), static_cast<int>(bits.size()), MPI_UNSIGNED_LONG_LONG,
                  MPI_SUM, MPI_COMM_WORLD);
    for (std::size_t i = 0; i < values.size(); ++i)
      values[i] = std::bit_cast<double>(bits[i]);
  }
#else
  (void)values, (void)mine;
#endif
}

void MpiWorld::abort(int code) const {
#ifdef TREK_MPI
  if (initialised_) MPI_Abort(MPI_COMM_WORLD, code);
#else
  (void)code;
#endif
}

util::Spread MpiWorld::spread() const {
  if (size_ <= 1) return {};
  return {
      static_cast<std::size_t>(rank_), static_cast<std::size_t>(size_),
      [this](std::vector<double>& values, const std::vector<char>& mine) { share(values, mine); }};
}

void MpiWorld::run_or_abort(const std::function<void()>& body) const {
  try {
    body();
  } catch (const std::exception& error) {
    if (size_ == 1) throw;
    const bool input = dynamic_cast<const util::InputError*>(&error) != nullptr;
    std::fprintf(stderr, "trek: %s%s\n", input ? "" : "error: ", error.what());
    std::fflush(stderr);
    abort(input ? kUsageError : kRuntimeError);
    throw;
  }
}

}  // namespace sim::cli
