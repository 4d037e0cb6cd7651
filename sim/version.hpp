#pragma once
/// The program version and the git revision it was built from.

#include <string>
#include <string_view>

namespace sim {

std::string_view version();
std::string_view git_revision();
/// "trek VERSION (REVISION)": written into every output file as its creator.
std::string creator();

}  // namespace sim
