#include "storage/Sqlite.h"

#include <sqlite3.h>

#include <string>
#include <utility>

namespace ul::sqlite {

namespace {
QString messageOf(sqlite3 *db)
{
    return db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("database is not open");
}
} // namespace

Statement::Statement(Statement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)), m_db(other.m_db), m_error(std::move(other.m_error))
{
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = other.m_db;
        m_error = std::move(other.m_error);
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement &Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, std::string_view utf8)
{
    sqlite3_bind_text(m_stmt, index, utf8.data(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bind(int index, const QString &text)
{
    sqlite3_bind_text16(m_stmt, index, text.utf16(), static_cast<int>(text.size() * 2), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bind(int index, const std::optional<QString> &text)
{
    return text ? bind(index, *text) : bindNull(index);
}

Statement &Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_error = messageOf(m_db);
    return false;
}

Expected<Done, QString> Statement::exec()
{
    m_error.clear();
    while (step()) {
    }
    const QString error = m_error;
    reset();
    if (!error.isEmpty())
        return Unexpected{error};
    return Done{};
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QString Statement::text(int column) const
{
    const auto *data = static_cast<const char16_t *>(sqlite3_column_text16(m_stmt, column));
    const int bytes = sqlite3_column_bytes16(m_stmt, column);
    return data ? QString(reinterpret_cast<const QChar *>(data), bytes / 2) : QString();
}

std::optional<QString> Statement::optionalText(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return text(column);
}

std::string_view Statement::utf8(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    const int bytes = sqlite3_column_bytes(m_stmt, column);
    return data ? std::string_view(data, static_cast<size_t>(bytes)) : std::string_view();
}

QByteArray Statement::bytes(int column) const
{
    const std::string_view view = utf8(column);
    return QByteArray(view.data(), qsizetype(view.size()));
}

std::optional<qint64> Statement::optionalInt64(int column) const
{
    return isNull(column) ? std::nullopt : std::optional<qint64>(int64(column));
}

Database::Database(Database &&other) noexcept : m_db(std::exchange(other.m_db, nullptr)) {}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
    }
    return *this;
}

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

Expected<Database, QString> Database::open(const QString &path)
{
    Database db;
    const QByteArray file = path.toUtf8();
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(file.constData(), &db.m_db, flags, nullptr) != SQLITE_OK) {
        const QString error = messageOf(db.m_db);
        return Unexpected{QStringLiteral("cannot open database %1: %2").arg(path, error)};
    }
    sqlite3_busy_timeout(db.m_db, 5000);
    const bool memory = path == QLatin1StringView(":memory:") || path.isEmpty();
    const std::string_view pragmas = memory
        ? "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;"
        : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
          " PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;";
    if (auto ok = db.exec(pragmas); !ok)
        return Unexpected{QStringLiteral("cannot configure database %1: %2").arg(path, ok.error())};
    return db;
}

Expected<Done, QString> Database::exec(std::string_view sql)
{
    char *error = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        const QString message = error ? QString::fromUtf8(error) : messageOf(m_db);
        sqlite3_free(error);
        return Unexpected{message};
    }
    return Done{};
}

Expected<Statement, QString> Database::prepare(std::string_view sql)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr)
        != SQLITE_OK) {
        return Unexpected{QStringLiteral("%1 (in: %2)").arg(messageOf(m_db), QString::fromUtf8(sql.data(), qsizetype(sql.size())))};
    }
    return Statement(stmt, m_db);
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

QString Database::lastError() const
{
    return messageOf(m_db);
}

Expected<Done, QString> applySchema(Database &db, std::string_view schema, int version, const QString &what)
{
    qint64 found = 0;
    {
        auto current = db.prepare("PRAGMA user_version");
        if (!current)
            return Unexpected{current.error()};
        found = current->step() ? current->int64(0) : 0;
    }
    if (found != 0 && found != version)
        return Unexpected{QStringLiteral("%1 has schema version %2; this UsageLens reads version %3").arg(what).arg(found).arg(version)};
    Transaction tx(db);
    if (auto ok = db.exec(schema); !ok)
        return ok;
    if (auto ok = db.exec("PRAGMA user_version = " + std::to_string(version)); !ok)
        return ok;
    return tx.commit();
}

Transaction::Transaction(Database &db) : m_db(db)
{
    m_active = m_db.exec("BEGIN IMMEDIATE").hasValue();
}

Transaction::~Transaction()
{
    if (m_active)
        m_db.exec("ROLLBACK");
}

Expected<Done, QString> Transaction::commit()
{
    if (!m_active)
        return Unexpected{QStringLiteral("no transaction is active")};
    auto result = m_db.exec("COMMIT");
    m_active = false;
    if (!result)
        m_db.exec("ROLLBACK");
    return result;
}

} // namespace ul::sqlite
