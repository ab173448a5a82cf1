#pragma once

#include "http/Router.h"

namespace ul::sandbox {

struct SandboxContext;
struct StoredCustomer;

/// `POST /customers`, `GET /customers`, `GET /customers/{id}`,
/// `GET /customers/external_customer_id/{external_customer_id}`.
void addCustomerRoutes(Router &router, SandboxContext &context);

/// Orb's Customer object with every key the spec requires.
QByteArray customerJson(const StoredCustomer &customer);

/// A new random customer id in Orb's style (16 letters and digits).
QString newCustomerId();

} // namespace ul::sandbox
