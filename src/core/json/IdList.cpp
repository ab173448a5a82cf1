#include "json/IdList.h"

#include "json/JsonWriter.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

namespace ul::json {

QByteArray encodeIdList(const QStringList &ids)
{
    JsonWriter out(ids.size() * 40 + 2);
    out.beginArray();
    for (const QString &id : ids)
        out.value(id);
    out.endArray();
    return out.take();
}

QStringList decodeIdList(QByteArrayView json)
{
    QStringList ids;
    if (json.size() <= 2) // "[]"
        return ids;
    const QJsonArray array = QJsonDocument::fromJson(json.toByteArray()).array();
    ids.reserve(array.size());
    for (const QJsonValue &v : array)
        ids << v.toString();
    return ids;
}

} // namespace ul::json
