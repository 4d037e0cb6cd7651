// Observation files: the format as documented, and every kind of bad row reported with file,
// line and column.

#include <gtest/gtest.h>

#include "sim/calibration/observations.hpp"
#include "sim/util/error.hpp"
#include "sim/util/parse_number.hpp"

namespace {

using namespace sim;
using calibration::Metric;

const std::vector<std::string_view> kPlatforms{"x", "bluesky", "instagram"};

std::vector<calibration::Observation> parse(const std::string& text) {
  return calibration::parse_observations(text, "obs.csv", kPlatforms);
}

/// The message of the error that parsing throws, or "" when it does not throw.
std::string error_of(const std::string& text) {
  try {
    parse(text);
  } catch (const util::InputError& e) {
    return e.what();
  }
  return "";
}

TEST(IsoDayNumber, CountsDaysFromTheEpoch) {
  EXPECT_EQ(util::iso_day_number("1970-01-01"), 0);
  EXPECT_EQ(util::iso_day_number("2000-03-01"), 11017);
  EXPECT_EQ(util::iso_day_number("2024-02-29"), 19782);
  EXPECT_EQ(util::iso_day_number("2024-11-05"), 20032);
  EXPECT_EQ(util::iso_day_number("1000-01-01"), -354285);
  EXPECT_EQ(util::iso_day_number("9999-12-31"), 2932896);
  EXPECT_FALSE(util::iso_day_number("2023-02-29"));
  EXPECT_FALSE(util::iso_day_number("2024-1-05"));
}

TEST(Observations, ReadsTheDocumentedFormat) {
  const auto rows = parse(
      "# Ghent, invented example values\r\n"
      "metric,date,platform,value,sd,note\r\n"
      "\r\n"
      "followers,2025-01-06,x,61850,200,\"X analytics, Monday\"\r\n"
      "followers,2025-01-13,x,61700,,\r\n"
      "also_follows,2025-01-06,instagram,0.31,0.05,\"survey \"\"2024\"\"\"\r\n"
      "active,2024-11-04,bluesky,990000,,\r\n");
  ASSERT_EQ(rows.size(), 4U);
  EXPECT_EQ(rows[0].line, 4U);
  EXPECT_EQ(rows[0].metric, Metric::kFollowers);
  EXPECT_EQ(rows[0].platform, "x");
  EXPECT_EQ(rows[0].value, 61850.0);
  EXPECT_EQ(rows[0].sd, 200.0);
  EXPECT_EQ(rows[0].note, "X analytics, Monday");
  EXPECT_FALSE(rows[1].sd);
  EXPECT_EQ(rows[1].day - rows[0].day, 7);
  EXPECT_EQ(rows[2].note, "survey \"2024\"");
  EXPECT_TRUE(calibration::is_share(rows[2].metric));
  EXPECT_TRUE(calibration::is_platform_level(rows[3].metric));
}

TEST(Observations, ReadsIntervals) {
  const auto rows = parse("date,platform,metric,value,lo,hi\n2025-01-06,x,followers,10,8,12\n");
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].low, 8.0);
  EXPECT_EQ(rows[0].high, 12.0);
}

TEST(Observations, NamesFileLineAndColumnOfEveryProblem) {
  const std::string header = "date,platform,metric,value,sd,lo,hi\n";
  struct Case {
    std::string row, expected;
  };
  const std::vector<Case> cases{
      {"2025-01-06,x,folowers,1,,,", "obs.csv:2: 'metric'"},
      {"2025-01-06,x,folowers,1,,,", "did you mean 'followers'"},
      {"2025-01-06,blusky,followers,1,,,", "did you mean 'bluesky'"},
      {"2025-01-06,blusky,followers,1,,,", "(column 2)"},
      {"2025-02-30,x,followers,1,,,", "'date': '2025-02-30' is not a date"},
      {"06/01/2025,x,followers,1,,,", "'date'"},
      {"2025-01-06,x,followers,many,,,", "'value': 'many' is not a finite number"},
      {"2025-01-06,x,followers,,,,", "'value': a value is required"},
      {"2025-01-06,x,followers,-3,,,", "'value': must be at least 0"},
      {"2025-01-06,x,followers,nan,,,", "'value'"},
      {"2025-01-06,x,followers,1e999,,,", "'value'"},
      {"2025-01-06,x,also_follows,1.5,,,", "a share lies in [0, 1]"},
      {"2025-01-06,x,followers,1,-1,,", "'sd'"},
      {"2025-01-06,x,followers,1,,0,", "'lo' and 'hi' are given together"},
      {"2025-01-06,x,followers,1,1,0,2", "give sd or lo and hi, not both"},
      {"2025-01-06,x,followers,5,,6,8", "the interval [lo, hi] must hold the value"},
      {"2025-01-06,x,followers,1,,", "the row has 6 fields, the header 7"},
      {"2025-01-06,x,followers,1,,,,", "the row has 8 fields"},
  };
  for (const Case& c : cases) {
    const std::string message = error_of(header + c.row + "\n");
    EXPECT_NE(message.find(c.expected), std::string::npos)
        << c.row << " gave: " << message << "\nexpected: " << c.expected;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
}

TEST(Observations, RejectsDatesOutOfOrderWithinASeries) {
  const std::string text =
      "date,platform,metric,value\n"
      "2025-01-13,x,followers,1\n"
      "2025-01-06,instagram,followers,1\n"  // another series: fine
      "2025-01-06,x,followers,1\n";
  const std::string message = error_of(text);
  EXPECT_NE(message.find("obs.csv:4: 'date': date 2025-01-06 is not after 2025-01-13 (line 2)"),
            std::string::npos)
      << message;
  EXPECT_NE(error_of("date,platform,metric,value\n2025-01-06,x,active,1\n2025-01-06,x,active,2\n")
                .find("is not after"),
            std::string::npos);
}

TEST(Observations, RejectsBadHeadersAndFiles) {
  EXPECT_NE(error_of("date,platform,metric,valeu\n").find("did you mean 'value'"),
            std::string::npos);
  EXPECT_NE(error_of("date,platform,value\n").find("no column 'metric'"), std::string::npos);
  EXPECT_NE(error_of("date,date,platform,metric,value\n").find("appears twice"), std::string::npos);
  EXPECT_NE(error_of("date,platform,metric,value,lo\n").find("'lo' and 'hi' come together"),
            std::string::npos);
  EXPECT_NE(error_of("# only a comment\n").find("no header line"), std::string::npos);
  EXPECT_NE(error_of("date,platform,metric,value\n").find("no observations"), std::string::npos);
  EXPECT_NE(error_of("date,platform,metric,value,note\n2025-01-06,x,active,1,\"open\n")
                .find("no closing quote"),
            std::string::npos);
  EXPECT_NE(error_of("date,platform,metric,value,note\n2025-01-06,x,active,1,\"a\"b\n")
                .find("text follows the closing quote"),
            std::string::npos);
  EXPECT_THROW(calibration::read_observations("/nonexistent/obs.csv", kPlatforms),
               util::InputError);
}

}  // namespace
