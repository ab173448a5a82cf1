// A test program (not the app): the app's corrections wiring — one CorrectionsHub on a data
// folder, its Corrections view and a bulk amend dialog — against a sandbox given on the command
// line. tst_corrections_kill kills it with SIGKILL half way through a bulk amend and starts it
// again on the same data folder.
//
//   corrections_kill_helper --mode amend|resume --base URL --data-dir DIR --customer ID
//                           --time-ms MS --count N --prefix P --region R [--rate REQUESTS_PER_S]
// amend: applies the bulk amend (region := R) to the N events P0…P(N-1) through BulkAmendDialog.
// resume: answers "Send now" in the Corrections view to the work the earlier run left queued.
// The token comes from the environment (UL_TEST_TOKEN). stdout: `queued N`, `found N`, `done D failed F`.
#include "CorrectionsTestSupport.h"

#include "corrections/BulkAmendDialog.h"
#include "corrections/CorrectionsView.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QTimer>
#include <QtWidgets/QApplication>
#include <QtWidgets/QPushButton>

#include <cstdio>

namespace {

void say(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QStringList names{QStringLiteral("mode"), QStringLiteral("base"), QStringLiteral("data-dir"),
                            QStringLiteral("customer"), QStringLiteral("time-ms"), QStringLiteral("count"),
                            QStringLiteral("prefix"), QStringLiteral("region"), QStringLiteral("rate")};
    for (const QString &name : names)
        parser.addOption(QCommandLineOption(name, name, name));
    parser.process(app);
    const QString mode = parser.value(QStringLiteral("mode"));

    ul::OutboxSettings settings = ul::test::fastOutboxSettings();
    if (parser.isSet(QStringLiteral("rate")))
        settings.maxRequestsPerSecond = parser.value(QStringLiteral("rate")).toDouble();
    std::unique_ptr<ul::OrbClient> client;
    auto hub = ul::test::openHub(parser.value(QStringLiteral("data-dir")), QUrl(parser.value(QStringLiteral("base"))),
                                 qEnvironmentVariable("UL_TEST_TOKEN"), client, settings);
    if (!hub) {
        say(QStringLiteral("error ") + hub.error());
        return 2;
    }
    ul::gui::CorrectionsHub &corrections = **hub;
    ul::EventRuleLimits limits;
    limits.correctionLimit = 100'000;
    corrections.setLimits(limits);
    QObject::connect(&corrections.outbox(), &ul::Outbox::storageFailed, &app, [&](const QString &message) {
        say(QStringLiteral("error ") + message);
        app.exit(3);
    });
    ul::gui::CorrectionsView view(corrections);
    view.show();
    say(QStringLiteral("found %1").arg(corrections.queuedFromEarlier()));

    std::unique_ptr<ul::gui::BulkAmendDialog> dialog;
    if (mode == QLatin1StringView("amend")) {
        QList<ul::Event> events;
        const ul::Timestamp when = ul::Timestamp::fromMsecs(parser.value(QStringLiteral("time-ms")).toLongLong());
        const int count = parser.value(QStringLiteral("count")).toInt();
        for (int i = 0; i < count; ++i)
            events << ul::test::makeEvent(parser.value(QStringLiteral("prefix")) + QString::number(i),
                                          parser.value(QStringLiteral("customer")), when);
        dialog = std::make_unique<ul::gui::BulkAmendDialog>(corrections, events);
        dialog->show();
        dialog->setProperty(QStringLiteral("region"), ul::gui::PropertyTableModel::Type::Text, parser.value(QStringLiteral("region")));
        if (!dialog->apply()) {
            say(QStringLiteral("error the bulk amend was not applied: ") + dialog->summaryText());
            return 2;
        }
        say(QStringLiteral("queued %1").arg(dialog->model().count(ul::gui::BulkAmendModel::State::Queued)));
    } else if (corrections.queuedFromEarlier() > 0) {
        view.findChild<QPushButton *>(QStringLiteral("sendNowButton"))->click();
    }

    // Done when nothing is left to send.
    QTimer check;
    check.setInterval(50);
    QObject::connect(&check, &QTimer::timeout, &app, [&] {
        const ul::OutboxProgress p = corrections.outbox().progress();
        if (p.remainingOperations == 0 && corrections.queuedFromEarlier() == 0) {
            say(QStringLiteral("done %1 failed %2").arg(p.doneOperations).arg(p.failedOperations));
            corrections.close();
            app.exit(p.failedOperations == 0 ? 0 : 1);
        }
    });
    check.start();
    return QApplication::exec();
}
