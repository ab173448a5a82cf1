#include "events/HeaderStateKeeper.h"

#include "events/EventTableModel.h"

#include <QtCore/QScopedValueRollback>
#include <QtCore/QSettings>
#include <QtCore/QSet>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QMenu>

namespace ul::gui {

namespace {
constexpr QLatin1StringView OrderKey("columnOrder");
constexpr QLatin1StringView WidthsKey("columnWidths");
constexpr QLatin1StringView HiddenKey("hiddenColumns");
} // namespace

HeaderStateKeeper::HeaderStateKeeper(QHeaderView *header, const QString &settingsGroup, QObject *parent)
    : QObject(parent), m_header(header), m_group(settingsGroup)
{
    Q_ASSERT(header && header->model());
    QSettings settings;
    settings.beginGroup(m_group);
    m_order = settings.value(OrderKey).toStringList();
    m_hidden = settings.value(HiddenKey).toStringList();
    const QVariantMap widths = settings.value(WidthsKey).toMap();
    for (auto it = widths.cbegin(); it != widths.cend(); ++it) {
        if (const int width = it.value().toInt(); width > 0)
            m_widths.insert(it.key(), width);
    }

    QAbstractItemModel *model = header->model();
    connect(model, &QAbstractItemModel::columnsInserted, this,
            [this](const QModelIndex &parentIndex, int first, int last) {
                if (parentIndex.isValid())
                    return;
                applyTo(first, last);
                applyOrder();
            });
    connect(model, &QAbstractItemModel::modelReset, this, &HeaderStateKeeper::applyAll);
    connect(header, &QHeaderView::sectionResized, this, [this](int logical, int, int width) {
        if (!m_applying && width > 0)
            rememberWidth(logical, width);
    });
    connect(header, &QHeaderView::sectionMoved, this, [this] {
        if (!m_applying)
            rememberOrder();
    });
    applyAll();
}

void HeaderStateKeeper::setDefaultWidths(const QHash<QString, int> &widths, int otherColumns)
{
    m_defaultWidths = widths;
    m_otherDefaultWidth = otherColumns;
    applyAll();
}

QString HeaderStateKeeper::keyOf(int logical) const
{
    return m_header->model()->headerData(logical, Qt::Horizontal, EventTableModel::ColumnKeyRole).toString();
}

int HeaderStateKeeper::defaultWidth(const QString &key) const
{
    return m_defaultWidths.value(key, m_otherDefaultWidth);
}

void HeaderStateKeeper::applyAll()
{
    if (!m_header)
        return;
    const int count = m_header->count();
    if (count > 0)
        applyTo(0, count - 1);
    applyOrder();
}

void HeaderStateKeeper::applyTo(int firstLogical, int lastLogical)
{
    const QScopedValueRollback applying(m_applying, true);
    for (int logical = firstLogical; logical <= lastLogical; ++logical) {
        const QString key = keyOf(logical);
        const bool hidden = m_hidden.contains(key) && !m_alwaysVisible.contains(key);
        m_header->setSectionHidden(logical, hidden);
        m_header->resizeSection(logical, m_widths.value(key, defaultWidth(key)));
    }
}

void HeaderStateKeeper::applyOrder()
{
    if (m_order.isEmpty() || !m_header)
        return;
    const QScopedValueRollback applying(m_applying, true);
    const int count = m_header->count();
    // The remembered columns take the places remembered columns hold in the natural order, in
    // the remembered order; columns never seen before stay where the model puts them.
    QHash<QString, int> logicalOfKey;
    QList<int> wanted(count);
    for (int logical = 0; logical < count; ++logical) {
        logicalOfKey.insert(keyOf(logical), logical);
        wanted[logical] = logical;
    }
    QList<int> remembered;
    QSet<int> rememberedSet;
    for (const QString &key : std::as_const(m_order)) {
        const auto it = logicalOfKey.constFind(key);
        if (it != logicalOfKey.cend() && !rememberedSet.contains(*it)) {
            remembered.append(*it);
            rememberedSet.insert(*it);
        }
    }
    qsizetype next = 0;
    for (int position = 0; position < count; ++position) {
        if (rememberedSet.contains(position))
            wanted[position] = remembered[next++];
    }
    for (int visual = 0; visual < count; ++visual) {
        const int from = m_header->visualIndex(wanted[visual]);
        if (from != visual)
            m_header->moveSection(from, visual);
    }
}

void HeaderStateKeeper::rememberOrder()
{
    QStringList current;
    for (int visual = 0; visual < m_header->count(); ++visual)
        current.append(keyOf(m_header->logicalIndex(visual)));
    // Keep the place of columns that are not shown now, after the column they followed.
    QStringList merged = current;
    QString previous;
    for (const QString &key : std::as_const(m_order)) {
        if (!merged.contains(key)) {
            const qsizetype after = previous.isEmpty() ? -1 : merged.indexOf(previous);
            merged.insert(after + 1, key);
        }
        previous = key;
    }
    m_order = merged;
    save();
}

void HeaderStateKeeper::rememberWidth(int logical, int width)
{
    m_widths.insert(keyOf(logical), width);
    save();
}

void HeaderStateKeeper::setColumnHidden(const QString &key, bool hidden)
{
    if (hidden && m_alwaysVisible.contains(key))
        return;
    if (hidden && !m_hidden.contains(key))
        m_hidden.append(key);
    else if (!hidden)
        m_hidden.removeAll(key);
    for (int logical = 0; logical < m_header->count(); ++logical) {
        if (keyOf(logical) == key) {
            const QScopedValueRollback applying(m_applying, true);
            m_header->setSectionHidden(logical, hidden);
            if (!hidden && m_header->sectionSize(logical) == 0)
                m_header->resizeSection(logical, m_widths.value(key, defaultWidth(key)));
        }
    }
    save();
}

void HeaderStateKeeper::resetColumns()
{
    m_order.clear();
    m_widths.clear();
    m_hidden.clear();
    save();
    const QScopedValueRollback applying(m_applying, true);
    for (int visual = 0; visual < m_header->count(); ++visual) {
        const int from = m_header->visualIndex(visual);
        if (from != visual)
            m_header->moveSection(from, visual);
    }
    applyAll();
}

QList<int> HeaderStateKeeper::visibleColumnsInOrder() const
{
    QList<int> columns;
    for (int visual = 0; visual < m_header->count(); ++visual) {
        const int logical = m_header->logicalIndex(visual);
        if (!m_header->isSectionHidden(logical))
            columns.append(logical);
    }
    return columns;
}

QMenu *HeaderStateKeeper::createColumnsMenu(QWidget *parent)
{
    auto *menu = new QMenu(tr("Columns"), parent);
    QAbstractItemModel *model = m_header->model();
    for (int visual = 0; visual < m_header->count(); ++visual) {
        const int logical = m_header->logicalIndex(visual);
        const QString key = keyOf(logical);
        QAction *action = menu->addAction(model->headerData(logical, Qt::Horizontal, Qt::DisplayRole).toString());
        action->setCheckable(true);
        action->setChecked(!m_header->isSectionHidden(logical));
        action->setEnabled(!m_alwaysVisible.contains(key));
        connect(action, &QAction::toggled, this, [this, key](bool shown) { setColumnHidden(key, !shown); });
    }
    menu->addSeparator();
    QAction *showAll = menu->addAction(tr("Show all columns"));
    connect(showAll, &QAction::triggered, this, [this] {
        const QStringList hidden = m_hidden;
        for (const QString &key : hidden)
            setColumnHidden(key, false);
    });
    QAction *reset = menu->addAction(tr("Reset columns"));
    reset->setToolTip(tr("Show every column with its default width, in the default order"));
    connect(reset, &QAction::triggered, this, &HeaderStateKeeper::resetColumns);
    return menu;
}

void HeaderStateKeeper::save() const
{
    QSettings settings;
    settings.beginGroup(m_group);
    settings.setValue(OrderKey, m_order);
    settings.setValue(HiddenKey, m_hidden);
    QVariantMap widths;
    for (auto it = m_widths.cbegin(); it != m_widths.cend(); ++it)
        widths.insert(it.key(), it.value());
    settings.setValue(WidthsKey, widths);
}

} // namespace ul::gui
