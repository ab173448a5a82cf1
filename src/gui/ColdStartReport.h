#pragma once

class QElapsedTimer;

namespace ul::gui {

/// What `--quit-after-shown` prints once the window is on screen, for the cold-start benchmark:
///
///     window shown after 13 ms
///     window shown at 1763898000.123456 (unix time)
///
/// The first line counts from the start of main(); the second lets a benchmark that noted the
/// time it started the process count from exec, dynamic loading included.
void printColdStartReport(const QElapsedTimer &sinceMain);

} // namespace ul::gui
