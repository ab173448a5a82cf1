// libFuzzer target: the import readers (src/core/import/ImportReader) on files an analyst picks —
// JSONL exports and CSV files (RFC 4180 records, the guessed mapping, the mapped rows) — and the
// screen every read row passes. Rows come in file order with growing offsets inside the file,
// and a row that is not bad is an event with an idempotency key.
#include "FuzzSupport.h"

#include "import/ImportReader.h"

#include <QtCore/QBuffer>

using namespace ul;

namespace {

void readAll(QBuffer &device, const ImportSpec &spec)
{
    device.seek(0);
    ImportReader reader(&device, spec);
    ImportScreen screen(ImportTarget{}, EventRuleLimits{});
    const Timestamp now = Timestamp::fromMsecs(1'714'564'800'000); // 2024-05-01T12:00:00Z
    qint64 lastLine = 0, lastOffset = 0;
    while (auto row = reader.next()) {
        UL_FUZZ_CHECK(row->line > lastLine, QString::number(row->line));
        UL_FUZZ_CHECK(row->endOffset >= lastOffset && row->endOffset <= device.size(), QString::number(row->endOffset));
        lastLine = row->line;
        lastOffset = row->endOffset;
        if (!row->bad) {
            UL_FUZZ_CHECK(!row->event.id.isEmpty(), QString::number(row->line));
            (void)screen.check(*row, now);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const fuzz::Selected in = fuzz::select(data, size, 3);
    QByteArray content = in.rest.toByteArray();
    QBuffer device(&content);
    device.open(QIODevice::ReadOnly);
    ImportSpec spec;
    spec.keyPrefix = importKeyPrefix(QStringLiteral("0123456789abcdef0123456789abcdef"));
    switch (in.choice) {
    case 0:
        spec.format = ImportFormat::Jsonl;
        readAll(device, spec);
        break;
    case 1: {
        auto preview = previewCsv(device, 50, 5);
        if (!preview)
            break;
        (void)checkCsvMapping(preview->mapping);
        spec.format = ImportFormat::Csv;
        spec.csv = preview->mapping;
        readAll(device, spec);
        break;
    }
    case 2: {
        CsvRecordReader records(&device, 64); // small, so the too-long-record path is exercised
        qint64 lastOffset = 0;
        while (auto record = records.next()) {
            UL_FUZZ_CHECK(record->endOffset >= lastOffset && record->endOffset <= content.size(),
                          QString::number(record->endOffset));
            lastOffset = record->endOffset;
        }
        break;
    }
    }
    return 0;
}
