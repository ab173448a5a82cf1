// ul::ApiError: Orb's error envelope, written and summed up for people.
#include "api/ApiError.h"

#include <QtCore/QJsonDocument>
#include <QtTest/QTest>

using ul::ApiError;
namespace OrbErrorType = ul::OrbErrorType;

class TstApiError : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void buildsOrbsTypeUrl();
    void writesTheEnvelope();
    void writesValidationErrorsForValidationFailures();
    void writesNullForMissingTitleAndDetail();
    void addsExtraKeys();
    void humanMessagePrefersTheDetail();
    void humanMessageFallsBackToTitleThenStatus();
    void humanMessageListsTheFirstProblems();
    void humanMessageNamesFailingEvents();
};

namespace {

QJsonObject parsed(const ApiError &error)
{
    return QJsonDocument::fromJson(error.toJson()).object();
}

} // namespace

void TstApiError::buildsOrbsTypeUrl()
{
    const ApiError e = ApiError::make(404, OrbErrorType::ResourceNotFound, QStringLiteral("Not found"));
    QCOMPARE(e.type, QStringLiteral("https://docs.withorb.com/reference/error-responses#404-resource-not-found"));
    QCOMPARE(e.typeSuffix(), QStringLiteral("404-resource-not-found"));
    ApiError custom;
    custom.type = QStringLiteral("about:blank");
    QCOMPARE(custom.typeSuffix(), QStringLiteral("about:blank"));
}

void TstApiError::writesTheEnvelope()
{
    const ApiError e = ApiError::make(401, OrbErrorType::Authentication, QStringLiteral("Authentication error"),
                                      QStringLiteral("The API key is not valid."));
    const QJsonObject o = parsed(e);
    QCOMPARE(o.value(u"type").toString(), QStringLiteral("https://docs.withorb.com/reference/error-responses#401-authentication-error"));
    QCOMPARE(o.value(u"status").toInt(), 401);
    QCOMPARE(o.value(u"title").toString(), QStringLiteral("Authentication error"));
    QCOMPARE(o.value(u"detail").toString(), QStringLiteral("The API key is not valid."));
    QVERIFY(!o.contains(u"validation_errors"));
    QCOMPARE(o.size(), 4);
}

void TstApiError::writesValidationErrorsForValidationFailures()
{
    // Required by the spec on request-validation errors, even when empty.
    const QJsonObject empty = parsed(ApiError::make(400, OrbErrorType::RequestValidation, QStringLiteral("Request validation failed")));
    QVERIFY(empty.value(u"validation_errors").isArray());
    QCOMPARE(empty.value(u"validation_errors").toArray().size(), 0);

    const QJsonObject listed = parsed(ApiError::make(400, OrbErrorType::ConstraintViolation, QStringLiteral("Constraint violation"), {},
                                                     QJsonArray{QStringLiteral("limit reached")}));
    QCOMPARE(listed.value(u"validation_errors").toArray(), QJsonArray{QStringLiteral("limit reached")});
}

void TstApiError::writesNullForMissingTitleAndDetail()
{
    const QJsonObject o = parsed(ApiError::make(500, OrbErrorType::InternalServerError, QString()));
    QVERIFY(o.contains(u"title") && o.value(u"title").isNull());
    QVERIFY(o.contains(u"detail") && o.value(u"detail").isNull());
    // An empty but given detail is text, not null.
    QCOMPARE(parsed(ApiError::make(500, OrbErrorType::InternalServerError, QStringLiteral("t"), QStringLiteral(""))).value(u"detail"),
             QJsonValue(QStringLiteral("")));
}

void TstApiError::addsExtraKeys()
{
    ApiError e = ApiError::make(400, OrbErrorType::RequestValidation, QStringLiteral("Request validation failed"));
    e.extra.insert(QStringLiteral("validation_failed"), QJsonArray{QStringLiteral("x")});
    QCOMPARE(parsed(e).value(u"validation_failed").toArray(), QJsonArray{QStringLiteral("x")});
}

void TstApiError::humanMessagePrefersTheDetail()
{
    QCOMPARE(ApiError::make(404, OrbErrorType::ResourceNotFound, QStringLiteral("Not found"), QStringLiteral("No customer abc.")).humanMessage(),
             QStringLiteral("No customer abc."));
}

void TstApiError::humanMessageFallsBackToTitleThenStatus()
{
    QCOMPARE(ApiError::make(404, OrbErrorType::UrlNotFound, QStringLiteral("URL not found")).humanMessage(), QStringLiteral("URL not found"));
    ApiError bare;
    bare.status = 502;
    QCOMPARE(bare.humanMessage(), QStringLiteral("HTTP 502"));
}

void TstApiError::humanMessageListsTheFirstProblems()
{
    const ApiError two = ApiError::make(400, OrbErrorType::RequestValidation, QStringLiteral("Request validation failed"),
                                        QStringLiteral("The customer is not valid."),
                                        QJsonArray{QStringLiteral("name: is required"), QStringLiteral("email: is required")});
    QCOMPARE(two.humanMessage(), QStringLiteral("The customer is not valid. (name: is required; email: is required)"));

    QJsonArray five;
    for (int i = 1; i <= 5; ++i)
        five.append(QStringLiteral("problem %1").arg(i));
    const ApiError many = ApiError::make(400, OrbErrorType::RequestValidation, QStringLiteral("t"), QStringLiteral("Invalid."), five);
    QCOMPARE(many.humanMessage(), QStringLiteral("Invalid. (problem 1; problem 2; problem 3; and 2 more)"));
}

void TstApiError::humanMessageNamesFailingEvents()
{
    // The older spec's shape for ingest, amend and deprecate failures.
    const QJsonArray failures{
        QJsonObject{{QStringLiteral("idempotency_key"), QStringLiteral("evt-1")},
                    {QStringLiteral("validation_errors"), QJsonArray{QStringLiteral("timestamp: too old"), QStringLiteral("event_name: empty")}}},
        QJsonObject{{QStringLiteral("idempotency_key"), QStringLiteral("evt-2")},
                    {QStringLiteral("validation_errors"), QJsonArray{QStringLiteral("customer_id: unknown")}}}};
    const ApiError e = ApiError::make(400, OrbErrorType::RequestValidation, QStringLiteral("t"), QStringLiteral("2 of 2 events failed."), failures);
    QCOMPARE(e.humanMessage(),
             QStringLiteral("2 of 2 events failed. (evt-1: timestamp: too old; event_name: empty; evt-2: customer_id: unknown)"));
}

QTEST_GUILESS_MAIN(TstApiError)
#include "tst_api_error.moc"
