#pragma once

#include "util/Expected.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>

#include <memory>
#include <optional>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace ul::sqlite {

/// A thin RAII layer over the SQLite C API. Hot paths (ingest, the workspace) need the C API's
/// speed: Qt SQL adds ≈ 3.4 µs per row (see docs/performance.md).
class Statement {
public:
    Statement() = default;
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    [[nodiscard]] bool isValid() const { return m_stmt != nullptr; }

    // Binds are 1-based, as in SQLite.
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, static_cast<qint64>(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, std::string_view utf8);
    Statement &bind(int index, const QByteArray &utf8) { return bind(index, std::string_view(utf8.constData(), size_t(utf8.size()))); }
    Statement &bind(int index, const QString &text);
    Statement &bind(int index, const std::optional<QString> &text);
    Statement &bindNull(int index);

    /// Steps once: true while a row is available, false when done. Errors are kept in `error()`.
    bool step();
    /// Runs to completion; returns the error message on failure.
    Expected<Done, QString> exec();
    void reset();

    [[nodiscard]] qint64 int64(int column) const;
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] QString text(int column) const;
    [[nodiscard]] std::optional<QString> optionalText(int column) const;
    [[nodiscard]] std::string_view utf8(int column) const;
    /// The column's bytes copied out (text or blob).
    [[nodiscard]] QByteArray bytes(int column) const;
    [[nodiscard]] std::optional<qint64> optionalInt64(int column) const;
    [[nodiscard]] QString error() const { return m_error; }

private:
    friend class Database;
    Statement(sqlite3_stmt *stmt, sqlite3 *db) : m_stmt(stmt), m_db(db) {}
    sqlite3_stmt *m_stmt = nullptr;
    sqlite3 *m_db = nullptr;
    QString m_error;
};

class Database {
public:
    Database() = default;
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    /// Opens (creating if needed) a database file, or an in-memory one for `:memory:`;
    /// file databases use WAL with synchronous=NORMAL.
    static Expected<Database, QString> open(const QString &path);

    [[nodiscard]] bool isOpen() const { return m_db != nullptr; }
    Expected<Done, QString> exec(std::string_view sql);
    Expected<Statement, QString> prepare(std::string_view sql);
    [[nodiscard]] qint64 lastInsertRowId() const;
    [[nodiscard]] int changes() const;
    [[nodiscard]] QString lastError() const;
    [[nodiscard]] sqlite3 *handle() const { return m_db; }

private:
    sqlite3 *m_db = nullptr;
};

/// Creates or checks a schema kept in `PRAGMA user_version`: a new database gets `schema` and
/// `version` in one transaction; an existing one must already be at `version`. `what` names the
/// database in the error ("the journal").
Expected<Done, QString> applySchema(Database &db, std::string_view schema, int version, const QString &what);

/// Commits on `commit()`, rolls back when destroyed uncommitted.
class Transaction {
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    [[nodiscard]] bool isActive() const { return m_active; }
    Expected<Done, QString> commit();

private:
    Database &m_db;
    bool m_active = false;
};

} // namespace ul::sqlite
