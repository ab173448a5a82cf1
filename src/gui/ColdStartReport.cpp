#include "ColdStartReport.h"

#include <QtCore/QElapsedTimer>

#include <chrono>
#include <cstdio>

namespace ul::gui {

void printColdStartReport(const QElapsedTimer &sinceMain)
{
    using namespace std::chrono;
    const auto now = duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
    std::printf("window shown after %lld ms\nwindow shown at %lld.%06lld (unix time)\n",
                static_cast<long long>(sinceMain.elapsed()), static_cast<long long>(now / 1'000'000),
                static_cast<long long>(now % 1'000'000));
    std::fflush(stdout);
}

} // namespace ul::gui
