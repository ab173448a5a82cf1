#pragma once

#include "http/Router.h"

#include <QtCore/QRandomGenerator>

namespace ul::sandbox {

struct SandboxContext;
struct StoredCustomer;

/// `POST /customers`, `GET /customers`, `GET /customers/{id}`,
/// `GET /customers/external_customer_id/{external_customer_id}`.
void addCustomerRoutes(Router &router, SandboxContext &context);

/// Orb's Customer object with every key the spec requires.
QByteArray customerJson(const StoredCustomer &customer);

/// A new random customer id in Orb's style (16 letters and digits), from `generator`
/// (the system's by default; the demo data passes its seeded one so the same seed gives the same ids).
QString newCustomerId(QRandomGenerator &generator = *QRandomGenerator::system());

} // namespace ul::sandbox
