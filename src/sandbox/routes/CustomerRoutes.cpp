#include "routes/CustomerRoutes.h"

#include "SandboxServer.h"
#include "routes/RouteSupport.h"
#include "store/SandboxStore.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QRandomGenerator>
#include <QtCore/QRegularExpression>

namespace ul::sandbox {

namespace {

// Fields of Orb's NewCustomer body besides name, email, external_customer_id, timezone and currency.
// All are accepted and stored; those that are also Customer fields in Orb's answer (metadata,
// payment provider, addresses, tax id, the flags, additional emails) are returned as given.
constexpr std::array DetailFields{
    QLatin1StringView("metadata"), QLatin1StringView("payment_provider"), QLatin1StringView("payment_provider_id"),
    QLatin1StringView("shipping_address"), QLatin1StringView("billing_address"), QLatin1StringView("tax_id"),
    QLatin1StringView("auto_collection"), QLatin1StringView("auto_issuance"), QLatin1StringView("email_delivery"),
    QLatin1StringView("additional_emails"), QLatin1StringView("hierarchy"), QLatin1StringView("tax_configuration"),
    QLatin1StringView("reporting_configuration"), QLatin1StringView("accounting_sync_configuration"),
    QLatin1StringView("payment_configuration")};

QJsonValue orNull(const std::optional<QString> &text)
{
    return text ? QJsonValue(*text) : QJsonValue();
}

HttpResponse createCustomer(SandboxContext &ctx, const HttpRequest &request)
{
    auto body = readObjectBody(request);
    if (!body)
        return body.error();
    QStringList problems;
    for (auto it = body->begin(); it != body->end(); ++it) {
        const QString key = it.key();
        const bool known = key == QLatin1StringView("name") || key == QLatin1StringView("email")
            || key == QLatin1StringView("external_customer_id") || key == QLatin1StringView("timezone")
            || key == QLatin1StringView("currency")
            || std::find(DetailFields.begin(), DetailFields.end(), key) != DetailFields.end();
        if (!known)
            problems << QStringLiteral("%1: is not a recognised field").arg(key);
    }
    auto requiredText = [&](QLatin1StringView field) {
        const QJsonValue v = body->value(field);
        if (!v.isString() || v.toString().trimmed().isEmpty()) {
            problems << QStringLiteral("%1: is required and must be a non-empty string").arg(field);
            return QString();
        }
        if (v.toString().size() > 500)
            problems << QStringLiteral("%1: must be at most 500 characters").arg(field);
        return v.toString();
    };
    auto optionalText = [&](QLatin1StringView field) -> std::optional<QString> {
        const QJsonValue v = body->value(field);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isString()) {
            problems << QStringLiteral("%1: must be a string or null").arg(field);
            return std::nullopt;
        }
        return v.toString();
    };
    Customer c;
    c.name = requiredText(QLatin1StringView("name"));
    c.email = requiredText(QLatin1StringView("email"));
    static const QRegularExpression emailShape(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (!c.email.isEmpty() && !emailShape.match(c.email).hasMatch())
        problems << QStringLiteral("email: \"%1\" is not an email address").arg(c.email);
    c.externalCustomerId = optionalText(QLatin1StringView("external_customer_id"));
    if (c.externalCustomerId && c.externalCustomerId->isEmpty())
        problems << QStringLiteral("external_customer_id: must not be empty");
    if (auto tz = optionalText(QLatin1StringView("timezone")))
        c.timezone = *tz;
    c.currency = optionalText(QLatin1StringView("currency"));
    const QJsonValue metadata = body->value(QLatin1StringView("metadata"));
    if (!metadata.isUndefined() && !metadata.isNull() && !metadata.isObject())
        problems << QStringLiteral("metadata: must be an object of strings");
    if (!problems.isEmpty())
        return HttpResponse::validation(QStringLiteral("The customer is not valid."), problems);
    if (c.externalCustomerId && ctx.store.customerByExternalId(*c.externalCustomerId)) {
        return HttpResponse::error(ApiError::make(
            400, OrbErrorType::DuplicateResourceCreation, QStringLiteral("Duplicate resource creation"),
            QStringLiteral("A customer with external_customer_id %1 already exists.").arg(*c.externalCustomerId)));
    }
    QJsonObject details;
    for (QLatin1StringView field : DetailFields) {
        if (body->contains(field))
            details.insert(field, body->value(field));
    }
    c.id = newCustomerId();
    c.createdAt = ctx.now();
    auto stored = ctx.store.insertCustomer(c, details);
    if (!stored) {
        return HttpResponse::error(ApiError::make(500, OrbErrorType::InternalServerError, QStringLiteral("Internal server error"),
                                                  QStringLiteral("The customer could not be stored: %1").arg(stored.error())));
    }
    return HttpResponse::json(201, customerJson(*stored));
}

HttpResponse listCustomers(SandboxContext &ctx, const HttpRequest &request)
{
    auto limit = pageLimit(request);
    if (!limit)
        return limit.error();
    SandboxStore::CustomerFilter filter;
    QStringList problems;
    auto bound = [&](const char *name, std::optional<Timestamp> &target) {
        const auto text = request.queryValue(QString::fromLatin1(name));
        if (!text)
            return;
        auto parsed = Timestamp::parseIso8601(QStringView(*text), false);
        if (!parsed)
            problems << QStringLiteral("%1: \"%2\" %3").arg(QLatin1StringView(name), *text, parsed.error());
        else
            target = *parsed;
    };
    bound("created_at[gte]", filter.createdGte);
    bound("created_at[gt]", filter.createdGt);
    bound("created_at[lt]", filter.createdLt);
    bound("created_at[lte]", filter.createdLte);
    if (!problems.isEmpty())
        return HttpResponse::validation(QStringLiteral("The customer filter is not valid."), problems);
    auto page = ctx.store.listCustomers(*limit, request.queryValue(QStringLiteral("cursor")), filter);
    if (!page)
        return HttpResponse::validation(page.error(), {page.error()});
    QByteArray out = "{\"data\":[";
    for (qsizetype i = 0; i < page->customers.size(); ++i) {
        if (i > 0)
            out += ',';
        out += customerJson(page->customers[i]);
    }
    out += "],\"pagination_metadata\":{\"has_more\":";
    out += page->nextCursor ? "true" : "false";
    out += ",\"next_cursor\":";
    out += page->nextCursor ? '"' + page->nextCursor->toUtf8() + '"' : QByteArray("null");
    out += "}}";
    return HttpResponse::json(200, out);
}

} // namespace

QString newCustomerId(QRandomGenerator &generator)
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString id(16, Qt::Uninitialized);
    for (QChar &c : id)
        c = QLatin1Char(alphabet[generator.bounded(62)]);
    return id;
}

QByteArray customerJson(const StoredCustomer &stored)
{
    const Customer &c = stored.customer;
    const QJsonObject &d = stored.details;
    auto detail = [&d](const char *key, QJsonValue fallback) {
        const QJsonValue v = d.value(QLatin1StringView(key));
        return v.isUndefined() ? fallback : v;
    };
    QJsonObject o{
        {QStringLiteral("id"), c.id},
        {QStringLiteral("external_customer_id"), orNull(c.externalCustomerId)},
        {QStringLiteral("name"), c.name},
        {QStringLiteral("email"), c.email},
        {QStringLiteral("timezone"), c.timezone},
        {QStringLiteral("created_at"), c.createdAt.toIso8601()},
        {QStringLiteral("metadata"), detail("metadata", QJsonObject())},
        {QStringLiteral("payment_provider"), detail("payment_provider", QJsonValue())},
        {QStringLiteral("payment_provider_id"), detail("payment_provider_id", QJsonValue())},
        {QStringLiteral("shipping_address"), detail("shipping_address", QJsonValue())},
        {QStringLiteral("billing_address"), detail("billing_address", QJsonValue())},
        {QStringLiteral("balance"), QStringLiteral("0.00")},
        {QStringLiteral("currency"), orNull(c.currency)},
        {QStringLiteral("tax_id"), detail("tax_id", QJsonValue())},
        {QStringLiteral("auto_collection"), detail("auto_collection", true)},
        {QStringLiteral("exempt_from_automated_tax"), QJsonValue()},
        {QStringLiteral("email_delivery"), detail("email_delivery", true)},
        {QStringLiteral("auto_issuance"), detail("auto_issuance", QJsonValue())},
        {QStringLiteral("additional_emails"), detail("additional_emails", QJsonArray())},
        {QStringLiteral("portal_url"), QJsonValue()},
        {QStringLiteral("hierarchy"), QJsonObject{{QStringLiteral("parent"), QJsonValue()}, {QStringLiteral("children"), QJsonArray()}}},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void addCustomerRoutes(Router &router, SandboxContext &ctx)
{
    router.add("POST", u"customers", [&ctx](const HttpRequest &r, const Router::Params &) { return createCustomer(ctx, r); });
    router.add("GET", u"customers", [&ctx](const HttpRequest &r, const Router::Params &) { return listCustomers(ctx, r); });
    router.add("GET", u"customers/external_customer_id/:id", [&ctx](const HttpRequest &, const Router::Params &p) {
        const auto c = ctx.store.customerByExternalId(p[0]);
        return c ? HttpResponse::json(200, customerJson(*c)) : notFound(QStringLiteral("Customer"), p[0]);
    });
    router.add("GET", u"customers/:id", [&ctx](const HttpRequest &, const Router::Params &p) {
        const auto c = ctx.store.customer(p[0]);
        return c ? HttpResponse::json(200, customerJson(*c)) : notFound(QStringLiteral("Customer"), p[0]);
    });
}

} // namespace ul::sandbox
