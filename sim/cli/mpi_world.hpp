#pragma once
/// The processes of an MPI launch (`mpirun -n K trek sweep ...`, `srun --mpi=pmix ...`), or this
/// process alone. MPI is initialised only when the process was started by a launcher and trek
/// was built with -DTREK_MPI=ON, so every other command starts as fast as before.

#include <cstdint>
#include <functional>
#include <vector>

#include "sim/util/spread.hpp"

namespace sim::cli {

class MpiWorld {
 public:
  /// Joins the launch; throws util::InputError when started as several tasks that cannot talk
  /// (a build without MPI, or `srun` without --mpi=pmix), which would overwrite one another.
  MpiWorld();
  ~MpiWorld();
  MpiWorld(const MpiWorld&) = delete;
  MpiWorld& operator=(const MpiWorld&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }
  /// True on every rank when `ok` is true on all of them (a collective call).
  bool all(bool ok) const;
  /// The sum of `value` over the ranks (a collective call).
  std::uint64_t sum(std::uint64_t value) const;
  /// Gives every rank the whole of `values`: entry i as the one rank with mine[i] != 0 holds
  /// it, bit for bit (a collective call; calibration::Spread).
  void share(std::vector<double>& values, const std::vector<char>& mine) const;
  /// Ends every rank of the launch with exit code `code`: after an error on one rank, so that
  /// the others do not wait for it forever. Returns only without MPI.
  void abort(int code) const;
  /// This launch as a spread for library calls (util/spread.hpp); one process shares nothing.
  util::Spread spread() const;
  /// Runs `body`. Under several ranks an exception on one of them ends them all (its message
  /// printed, an input error with exit code 2), so the others do not wait for its share.
  void run_or_abort(const std::function<void()>& body) const;

 private:
  int rank_ = 0;
  int size_ = 1;
  bool initialised_ = false;
};

}  // namespace sim::cli
