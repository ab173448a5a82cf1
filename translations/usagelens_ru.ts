<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AmendDialog</name>
    <message>
        <source>Amend event</source>
        <translation>Исправить событие</translation>
    </message>
    <message>
        <source>Event id:</source>
        <translation>ID события:</translation>
    </message>
    <message>
        <source>Event &amp;name:</source>
        <translation>&amp;Название события:</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Клиент:</translation>
    </message>
    <message>
        <source>Orb does not allow an amendment to change the customer.</source>
        <translation>Orb не позволяет менять клиента при исправлении.</translation>
    </message>
    <message>
        <source>Timestamp (UTC):</source>
        <translation>Метка времени (UTC):</translation>
    </message>
    <message>
        <source>Orb does not allow an amendment to move an event in time.</source>
        <translation>Orb не позволяет переносить событие во времени при исправлении.</translation>
    </message>
    <message>
        <source>&amp;Properties:</source>
        <translation>&amp;Свойства:</translation>
    </message>
    <message>
        <source>&amp;Add property</source>
        <translation>&amp;Добавить свойство</translation>
    </message>
    <message>
        <source>&amp;Remove property</source>
        <translation>&amp;Удалить свойство</translation>
    </message>
    <message>
        <source>Review the amendment: the server&apos;s current event on the left, what will replace it on the right.</source>
        <translation>Проверьте исправление: слева текущее событие на сервере, справа то, что его заменит.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Сейчас</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Станет</translation>
    </message>
    <message>
        <source>R&amp;eason (optional, kept in the journal):</source>
        <translation>&amp;Причина (необязательно, сохраняется в журнале):</translation>
    </message>
    <message>
        <source>e.g. ticket 4711: wrong region</source>
        <translation>например, заявка 4711: неверный регион</translation>
    </message>
</context>
<context>
    <name>AttemptsView</name>
    <message>
        <source>Filter</source>
        <translation>Фильтр</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Время:</translation>
    </message>
    <message>
        <source>When the failed tries were made (UTC)</source>
        <translation>Когда были сделаны неудачные попытки (UTC)</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Последний час</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Последние 24 часа</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Последние 7 дней</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Свой интервал</translation>
    </message>
    <message>
        <source>From (inclusive, UTC)</source>
        <translation>С (включительно, UTC)</translation>
    </message>
    <message>
        <source>Until (exclusive, UTC)</source>
        <translation>До (не включая, UTC)</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>&amp;Код:</translation>
    </message>
    <message>
        <source>Any code</source>
        <translation>Любой код</translation>
    </message>
    <message>
        <source>&amp;Event ids:</source>
        <translation>ID &amp;событий:</translation>
    </message>
    <message>
        <source>Any event; or ids separated by commas or spaces</source>
        <translation>Любое событие или ID через запятую либо пробел</translation>
    </message>
    <message>
        <source>&amp;Webhooks:</source>
        <translation>&amp;Вебхуки:</translation>
    </message>
    <message>
        <source>Any webhook; or webhook ids separated by commas or spaces</source>
        <translation>Любой вебхук или ID вебхуков через запятую либо пробел</translation>
    </message>
    <message>
        <source>Pick…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Choose webhooks by URL</source>
        <translation>Выбрать вебхуки по URL</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Применить</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>Load the newest attempts again (F5)</source>
        <translation>Снова загрузить последние попытки (F5)</translation>
    </message>
    <message>
        <source>A&amp;uto-refresh</source>
        <translation>Авто&amp;обновление</translation>
    </message>
    <message>
        <source>Load the newest attempts again every 15 seconds</source>
        <translation>Загружать последние попытки каждые 15 секунд</translation>
    </message>
    <message>
        <source>Select an attempt to see its full message and the receiver&apos;s answer.</source>
        <translation>Выберите попытку, чтобы увидеть полное сообщение и ответ получателя.</translation>
    </message>
    <message>
        <source>Re&amp;send</source>
        <translation>Отправить &amp;повторно</translation>
    </message>
    <message>
        <source>Deliver the events of the selected attempts to their webhooks once more, now</source>
        <translation>Сейчас же ещё раз доставить события выбранных попыток на их вебхуки</translation>
    </message>
    <message>
        <source>Mark &amp;handled</source>
        <translation>Отметить как &amp;обработанные</translation>
    </message>
    <message>
        <source>Acknowledge the selected attempts; their deliveries are not retried any more</source>
        <translation>Подтвердить выбранные попытки: их доставка больше не будет повторяться</translation>
    </message>
    <message>
        <source>Show e&amp;vent</source>
        <translation>Показать &amp;событие</translation>
    </message>
    <message>
        <source>Open the event of the current attempt in the Events view</source>
        <translation>Открыть событие текущей попытки в разделе «События»</translation>
    </message>
    <message>
        <source>&amp;Webhooks…</source>
        <translation>&amp;Вебхуки…</translation>
    </message>
    <message>
        <source>List, add and delete webhooks</source>
        <translation>Просмотр, добавление и удаление вебхуков</translation>
    </message>
</context>
<context>
    <name>BackfillScopePage</name>
    <message>
        <source>Scope</source>
        <translation>Охват</translation>
    </message>
    <message>
        <source>Whose events the backfill covers, and whether it replaces or adds to the events already there.</source>
        <translation>Чьи события охватывает дозагрузка и заменяет ли она уже имеющиеся события или добавляется к ним.</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>&amp;All customers</source>
        <translation>&amp;Все клиенты</translation>
    </message>
    <message>
        <source>The backfill covers the events of every customer</source>
        <translation>Дозагрузка охватывает события всех клиентов</translation>
    </message>
    <message>
        <source>&amp;Customer id:</source>
        <translation>&amp;ID клиента:</translation>
    </message>
    <message>
        <source>cus_…</source>
        <translation>cus_…</translation>
    </message>
    <message>
        <source>The Orb customer id</source>
        <translation>ID клиента в Orb</translation>
    </message>
    <message>
        <source>&amp;External customer id:</source>
        <translation>&amp;Внешний ID клиента:</translation>
    </message>
    <message>
        <source>acme-corp</source>
        <translation>acme-corp</translation>
    </message>
    <message>
        <source>The id of the customer in your system</source>
        <translation>ID клиента в вашей системе</translation>
    </message>
    <message>
        <source>Existing events</source>
        <translation>Имеющиеся события</translation>
    </message>
    <message>
        <source>&amp;Replace the existing events of the timeframe</source>
        <translation>&amp;Заменить имеющиеся события периода</translation>
    </message>
    <message>
        <source>Once closed, the backfill&apos;s events count instead of the events already there (replace_existing_events)</source>
        <translation>После закрытия вместо уже имеющихся событий учитываются события дозагрузки (replace_existing_events)</translation>
    </message>
    <message>
        <source>Only those &amp;matching:</source>
        <translation>Только &amp;подходящие под:</translation>
    </message>
    <message>
        <source>region = &apos;eu&apos; AND ms &gt; 100 (empty: all of them)</source>
        <translation>region = &apos;eu&apos; AND ms &gt; 100 (пусто — все)</translation>
    </message>
    <message>
        <source>Which existing events are replaced (deprecation_filter); leave empty to replace all</source>
        <translation>Какие имеющиеся события заменяются (deprecation_filter); оставьте пустым, чтобы заменить все</translation>
    </message>
    <message>
        <source>A&amp;dd to the existing events</source>
        <translation>&amp;Добавить к имеющимся событиям</translation>
    </message>
    <message>
        <source>Once closed, the backfill&apos;s events count in addition to the events already there</source>
        <translation>После закрытия события дозагрузки учитываются в дополнение к уже имеющимся</translation>
    </message>
</context>
<context>
    <name>BackfillTimeframePage</name>
    <message>
        <source>Timeframe</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>Which hours the backfill covers: at most 31 days. Events of the file outside it are not imported.</source>
        <translation>Какие часы охватывает дозагрузка: не более 31 дня. События файла вне этого периода не импортируются.</translation>
    </message>
    <message>
        <source>&amp;From (UTC, inclusive):</source>
        <translation>&amp;С (UTC, включительно):</translation>
    </message>
    <message>
        <source>The first instant whose events the backfill covers</source>
        <translation>Первый момент, события которого охватывает дозагрузка</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>yyyy-MM-dd HH:mm</translation>
    </message>
    <message>
        <source>&amp;Until (UTC, exclusive):</source>
        <translation>&amp;До (UTC, не включая):</translation>
    </message>
    <message>
        <source>The end of the timeframe: events at this instant are not covered</source>
        <translation>Конец периода: события в этот момент уже не охватываются</translation>
    </message>
    <message>
        <source>Close by itself &amp;at (UTC):</source>
        <translation>Закрыть &amp;автоматически в (UTC):</translation>
    </message>
    <message>
        <source>Without a close time the server closes it one day after creation</source>
        <translation>Без времени закрытия сервер закроет её через сутки после создания</translation>
    </message>
    <message>
        <source>When the backfill closes by itself if you have not closed or reverted it</source>
        <translation>Когда дозагрузка закроется сама, если вы её не закроете и не откатите</translation>
    </message>
</context>
<context>
    <name>BackfillsView</name>
    <message>
        <source>Create a backfill and import a CSV or JSONL file into it, after a dry run</source>
        <translation>Создать дозагрузку и импортировать в неё файл CSV или JSONL после пробного прогона</translation>
    </message>
    <message>
        <source>&amp;New backfill…</source>
        <translation>&amp;Новая дозагрузка…</translation>
    </message>
    <message>
        <source>Make the selected pending backfill&apos;s events count for billing</source>
        <translation>Включить события выбранной открытой дозагрузки в учёт для биллинга</translation>
    </message>
    <message>
        <source>&amp;Close…</source>
        <translation>&amp;Закрыть…</translation>
    </message>
    <message>
        <source>Undo the selected backfill and restore the state before it</source>
        <translation>Отменить выбранную дозагрузку и восстановить состояние до неё</translation>
    </message>
    <message>
        <source>Re&amp;vert…</source>
        <translation>&amp;Откатить…</translation>
    </message>
    <message>
        <source>Show the event volume of the selected backfill&apos;s timeframe</source>
        <translation>Показать объём событий за период выбранной дозагрузки</translation>
    </message>
    <message>
        <source>Show &amp;volume</source>
        <translation>Показать о&amp;бъём</translation>
    </message>
    <message>
        <source>Load the backfills from the server again</source>
        <translation>Снова загрузить дозагрузки с сервера</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>Event volume</source>
        <translation>Объём событий</translation>
    </message>
</context>
<context>
    <name>BulkAmendDialog</name>
    <message>
        <source>Bulk amend</source>
        <translation>Массовое исправление</translation>
    </message>
    <message>
        <source>&amp;Change:</source>
        <translation>&amp;Изменение:</translation>
    </message>
    <message>
        <source>&amp;Property:</source>
        <translation>&amp;Свойство:</translation>
    </message>
    <message>
        <source>e.g. region</source>
        <translation>например, region</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Значение:</translation>
    </message>
    <message>
        <source>Value type</source>
        <translation>Тип значения</translation>
    </message>
    <message>
        <source>New event &amp;name:</source>
        <translation>Новое &amp;название события:</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>&amp;Причина:</translation>
    </message>
    <message>
        <source>optional, kept in the journal</source>
        <translation>необязательно, сохраняется в журнале</translation>
    </message>
    <message>
        <source>Cancel &amp;sending</source>
        <translation>Прервать &amp;отправку</translation>
    </message>
</context>
<context>
    <name>CorrectionsView</name>
    <message>
        <source>&amp;Send now</source>
        <translation>Отправить &amp;сейчас</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>Отб&amp;росить</translation>
    </message>
    <message>
        <source>Cancel &amp;queued</source>
        <translation>Отозвать из &amp;очереди</translation>
    </message>
    <message>
        <source>Withdraw every correction of this profile that is queued and not yet sent</source>
        <translation>Отозвать все исправления этого профиля, которые стоят в очереди и ещё не отправлены</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>event id or text</source>
        <translation>ID события или текст</translation>
    </message>
    <message>
        <source>From (UTC)</source>
        <translation>С (UTC)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>&amp;Undo amendment…</source>
        <translation>О&amp;тменить исправление…</translation>
    </message>
    <message>
        <source>&amp;Retry failed</source>
        <translation>&amp;Повторить неудачные</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>Ото&amp;звать</translation>
    </message>
    <message>
        <source>Withdraw the selected queued or failed corrections</source>
        <translation>Отозвать выбранные исправления, стоящие в очереди или завершившиеся ошибкой</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Экспорт в CSV…</translation>
    </message>
</context>
<context>
    <name>DeprecateDialog</name>
    <message>
        <source>Deprecate events</source>
        <translation>Исключить события из учёта</translation>
    </message>
    <message>
        <source>Event id</source>
        <translation>ID события</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Why it is left out</source>
        <translation>Почему пропущено</translation>
    </message>
    <message>
        <source>R&amp;eason (optional, kept in the journal):</source>
        <translation>&amp;Причина (необязательно, сохраняется в журнале):</translation>
    </message>
    <message>
        <source>e.g. test traffic that reached production</source>
        <translation>например, тестовый трафик, попавший в продакшен</translation>
    </message>
</context>
<context>
    <name>DeprecatedStyle</name>
    <message>
        <source>Deprecated: this event no longer counts towards usage or invoices.</source>
        <translation>Исключено из учёта: это событие больше не учитывается в потреблении и счетах.</translation>
    </message>
</context>
<context>
    <name>EventDetailPane</name>
    <message>
        <source>Select an event to see its fields, properties, raw JSON and version history.</source>
        <translation>Выберите событие, чтобы увидеть его поля, свойства, исходный JSON и историю версий.</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>Event name:</source>
        <translation>Название события:</translation>
    </message>
    <message>
        <source>Customer id:</source>
        <translation>ID клиента:</translation>
    </message>
    <message>
        <source>External customer id:</source>
        <translation>Внешний ID клиента:</translation>
    </message>
    <message>
        <source>Timestamp:</source>
        <translation>Метка времени:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Состояние:</translation>
    </message>
    <message>
        <source>The event&apos;s properties</source>
        <translation>Свойства события</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Свойство</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>Исходный JSON</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Every stored version of the event; select one to see it as it was</source>
        <translation>Все сохранённые версии события; выберите версию, чтобы увидеть событие таким, каким оно было</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>Recorded at (UTC)</source>
        <translation>Записано (UTC)</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <source>Server lookup</source>
        <translation>Поиск на сервере</translation>
    </message>
    <message>
        <source>Look up events on the server by id</source>
        <translation>Искать события на сервере по ID</translation>
    </message>
    <message>
        <source>&amp;Event ids</source>
        <translation>ID &amp;событий</translation>
    </message>
    <message>
        <source>0 ids</source>
        <translation>0 ID</translation>
    </message>
    <message>
        <source>How many distinct ids the box holds; duplicates count once</source>
        <translation>Сколько разных ID в поле; повторы считаются один раз</translation>
    </message>
    <message>
        <source>Event ids: one per line, or separated by commas, spaces or tabs (Ctrl+L). Enter runs the lookup, Shift+Enter starts a new line. Drop a text file of ids to load it.</source>
        <translation>ID событий: по одному в строке либо через запятые, пробелы или табуляцию (Ctrl+L). Enter запускает поиск, Shift+Enter начинает новую строку. Перетащите сюда текстовый файл с ID, чтобы загрузить его.</translation>
    </message>
    <message>
        <source>Paste or type event ids: one per line, or separated by commas, spaces or tabs.
Or drop a text file of ids here.</source>
        <translation>Вставьте или введите ID событий: по одному в строке либо через запятые, пробелы или табуляцию.
Или перетащите сюда текстовый файл с ID.</translation>
    </message>
    <message>
        <source>&amp;Timeframe</source>
        <translation>&amp;Период</translation>
    </message>
    <message>
        <source>Which event timestamps the search covers. Orb searches the last 7 days unless told otherwise.</source>
        <translation>Какие метки времени событий охватывает поиск. Если не указано иное, Orb ищет за последние 7 дней.</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;С</translation>
    </message>
    <message>
        <source>Earliest event timestamp searched, in UTC (inclusive)</source>
        <translation>Самая ранняя метка времени для поиска, UTC (включительно)</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm &apos;UTC&apos;</source>
        <translation>yyyy-MM-dd HH:mm &apos;UTC&apos;</translation>
    </message>
    <message>
        <source>T&amp;o</source>
        <translation>&amp;По</translation>
    </message>
    <message>
        <source>End of the searched timeframe, in UTC (exclusive)</source>
        <translation>Конец периода поиска, UTC (не включая)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <source>Look up the ids on the server (Enter in the ids box, or Ctrl+Enter)</source>
        <translation>Найти ID на сервере (Enter в поле ID или Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <source>Stop the lookup; ids not looked up yet are listed (Esc)</source>
        <translation>Остановить поиск; ещё не найденные ID будут перечислены (Esc)</translation>
    </message>
    <message>
        <source>Not connected to a server yet: the lookup can run once the connection is up.</source>
        <translation>Подключения к серверу ещё нет: поиск можно будет запустить, когда оно установится.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy the ids that were not found, one per line</source>
        <translation>Скопировать ненайденные ID, по одному в строке</translation>
    </message>
    <message>
        <source>Ids the server does not know in the chosen timeframe</source>
        <translation>ID, которых сервер не знает в выбранном периоде</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation>Скрыть это сообщение</translation>
    </message>
    <message>
        <source>Show only results whose id, event name, customer ids or property values contain every word typed; key=value looks in one property, e.g. region=eu (Ctrl+F)</source>
        <translation>Показывать только результаты, у которых ID, название события, ID клиента или значения свойств содержат все введённые слова; ключ=значение ищет в одном свойстве, например region=eu (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter results: words, or key=value (Ctrl+F)</source>
        <translation>Фильтр результатов: слова или ключ=значение (Ctrl+F)</translation>
    </message>
    <message>
        <source>Previous result (Shift+F3, Ctrl+Up)</source>
        <translation>Предыдущий результат (Shift+F3, Ctrl+Вверх)</translation>
    </message>
    <message>
        <source>Next result (F3, Ctrl+Down)</source>
        <translation>Следующий результат (F3, Ctrl+Вниз)</translation>
    </message>
    <message>
        <source>Copy the ids of the selected rows, one per line (Ctrl+C)</source>
        <translation>Скопировать ID выбранных строк, по одному в строке (Ctrl+C)</translation>
    </message>
    <message>
        <source>Copy ids</source>
        <translation>Копировать ID</translation>
    </message>
    <message>
        <source>Copy the selected rows as a JSON array of Orb events (Ctrl+Shift+C)</source>
        <translation>Скопировать выбранные строки как JSON-массив событий Orb (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Copy as JSON</source>
        <translation>Копировать как JSON</translation>
    </message>
    <message>
        <source>Export the rows shown, as filtered and sorted, to CSV or JSON Lines (Ctrl+E)</source>
        <translation>Экспортировать показанные строки (с учётом фильтра и сортировки) в CSV или JSON Lines (Ctrl+E)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Find events</source>
        <translation>Поиск событий</translation>
    </message>
    <message>
        <source>Paste event ids on the left and press Enter to look them up on the server. The events found are listed here, with their details below.</source>
        <translation>Вставьте ID событий слева и нажмите Enter, чтобы найти их на сервере. Найденные события появятся здесь, а подробности о них — ниже.</translation>
    </message>
</context>
<context>
    <name>ImportDryRunPage</name>
    <message>
        <source>Dry run</source>
        <translation>Пробный прогон</translation>
    </message>
    <message>
        <source>What the import would do, checked before anything is created on the server.</source>
        <translation>Что сделает импорт — проверяется до того, как на сервере что-либо будет создано.</translation>
    </message>
    <message>
        <source>Rows that will not be imported:</source>
        <translation>Строки, которые не будут импортированы:</translation>
    </message>
    <message>
        <source>E&amp;xport bad rows…</source>
        <translation>&amp;Экспорт ошибочных строк…</translation>
    </message>
    <message>
        <source>Save the line numbers and reasons as a CSV file</source>
        <translation>Сохранить номера строк и причины в файл CSV</translation>
    </message>
</context>
<context>
    <name>ImportFilePage</name>
    <message>
        <source>File to import</source>
        <translation>Файл для импорта</translation>
    </message>
    <message>
        <source>The events to ingest into the backfill. Nothing is sent before the dry run of the next steps.</source>
        <translation>События для загрузки в дозагрузку. До пробного прогона на следующих шагах ничего не отправляется.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Файл:</translation>
    </message>
    <message>
        <source>/path/to/events.jsonl</source>
        <translation>/path/to/events.jsonl</translation>
    </message>
    <message>
        <source>The file with the events to import</source>
        <translation>Файл с событиями для импорта</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <source>&amp;JSONL: one Orb event object per line</source>
        <translation>&amp;JSONL: по одному объекту события Orb в строке</translation>
    </message>
    <message>
        <source>&amp;CSV with a header row: map its columns in the next step</source>
        <translation>&amp;CSV со строкой заголовка: столбцы сопоставляются на следующем шаге</translation>
    </message>
</context>
<context>
    <name>ImportMappingPage</name>
    <message>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <source>How the CSV columns map to the fields of an event.</source>
        <translation>Как столбцы CSV соответствуют полям события.</translation>
    </message>
    <message>
        <source>Say what each column holds. Property columns become event properties of the type chosen; an empty cell leaves the property out.</source>
        <translation>Укажите, что содержит каждый столбец. Столбцы свойств становятся свойствами события выбранного типа; пустая ячейка — свойство не задаётся.</translation>
    </message>
    <message>
        <source>First rows of the file:</source>
        <translation>Первые строки файла:</translation>
    </message>
</context>
<context>
    <name>ImportProgressPage</name>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>The backfill is created, then the file is sent in batches. It stays pending until you close it.</source>
        <translation>Сначала создаётся дозагрузка, затем файл отправляется пакетами. Дозагрузка остаётся открытой, пока вы её не закроете.</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Пауза</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Продолжить</translation>
    </message>
    <message>
        <source>&amp;Cancel import</source>
        <translation>&amp;Прервать импорт</translation>
    </message>
    <message>
        <source>Stop: events not sent yet are withdrawn; those already sent stay in the backfill</source>
        <translation>Остановить: ещё не отправленные события отзываются, уже отправленные остаются в дозагрузке</translation>
    </message>
    <message>
        <source>Rows not imported:</source>
        <translation>Неимпортированные строки:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>UsageLens</source>
        <translation>UsageLens</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>Исправления</translation>
    </message>
    <message>
        <source>Corrections journal</source>
        <translation>Журнал исправлений</translation>
    </message>
    <message>
        <source>Every amendment and deprecation made from this workspace, with what changed and what the server answered.</source>
        <translation>Все исправления и исключения из учёта, сделанные в этой рабочей области: что изменилось и что ответил сервер.</translation>
    </message>
    <message>
        <source>Backfills</source>
        <translation>Дозагрузки</translation>
    </message>
    <message>
        <source>Replace or add the events of a past time range: create a backfill, check it, then close it or revert it.</source>
        <translation>Замените или добавьте события за прошедший период: создайте дозагрузку, проверьте её, затем закройте или откатите.</translation>
    </message>
    <message>
        <source>Webhook attempts</source>
        <translation>Попытки доставки</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>Quit UsageLens</source>
        <translation>Выйти из UsageLens</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;События</translation>
    </message>
    <message>
        <source>Show the events</source>
        <translation>Показать события</translation>
    </message>
    <message>
        <source>&amp;Corrections</source>
        <translation>&amp;Исправления</translation>
    </message>
    <message>
        <source>Show the corrections journal</source>
        <translation>Показать журнал исправлений</translation>
    </message>
    <message>
        <source>&amp;Backfills</source>
        <translation>&amp;Дозагрузки</translation>
    </message>
    <message>
        <source>Show the backfills</source>
        <translation>Показать дозагрузки</translation>
    </message>
    <message>
        <source>&amp;Webhook attempts</source>
        <translation>&amp;Попытки доставки</translation>
    </message>
    <message>
        <source>Show the webhook delivery attempts</source>
        <translation>Показать попытки доставки вебхуков</translation>
    </message>
    <message>
        <source>&amp;About UsageLens</source>
        <translation>&amp;О программе UsageLens</translation>
    </message>
    <message>
        <source>Show the version and license of UsageLens</source>
        <translation>Показать версию и лицензию UsageLens</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>О &amp;Qt</translation>
    </message>
    <message>
        <source>Show the version and license of Qt</source>
        <translation>Показать версию и лицензию Qt</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>Connection profiles, API tokens and preferences</source>
        <translation>Профили подключения, токены API и параметры</translation>
    </message>
</context>
<context>
    <name>ProductionConfirmDialog</name>
    <message>
        <source>Confirm a write to production</source>
        <translation>Подтверждение записи в продакшен</translation>
    </message>
    <message>
        <source>&amp;Type the profile name to confirm:</source>
        <translation>&amp;Введите имя профиля для подтверждения:</translation>
    </message>
    <message>
        <source>Profile name to confirm</source>
        <translation>Имя профиля для подтверждения</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Подключения</translation>
    </message>
    <message>
        <source>Connection profiles</source>
        <translation>Профили подключения</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>Пере&amp;именовать</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Имя профиля</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Тип:</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>Базовый &amp;URL:</translation>
    </message>
    <message>
        <source>https://api.withorb.com/v1</source>
        <translation>https://api.withorb.com/v1</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Базовый URL</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>&amp;Токен API:</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>Токен API</translation>
    </message>
    <message>
        <source>Re&amp;veal</source>
        <translation>Пока&amp;зать</translation>
    </message>
    <message>
        <source>Show or hide the token</source>
        <translation>Показать или скрыть токен</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Ко&amp;пировать</translation>
    </message>
    <message>
        <source>Copy the token to the clipboard</source>
        <translation>Скопировать токен в буфер обмена</translation>
    </message>
    <message>
        <source>Request t&amp;imeout:</source>
        <translation>Время &amp;ожидания запроса:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>&amp;Retries:</source>
        <translation>&amp;Повторы:</translation>
    </message>
    <message>
        <source>Annotation &amp;sink URL:</source>
        <translation>URL &amp;приёмника аннотаций:</translation>
    </message>
    <message>
        <source>Optional, e.g. https://example.live.dynatrace.com</source>
        <translation>Необязательно, например https://example.live.dynatrace.com</translation>
    </message>
    <message>
        <source>Annotation sink URL</source>
        <translation>URL приёмника аннотаций</translation>
    </message>
    <message>
        <source>Sin&amp;k token:</source>
        <translation>Токен п&amp;риёмника:</translation>
    </message>
    <message>
        <source>Annotation sink token</source>
        <translation>Токен приёмника аннотаций</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;Цвет:</translation>
    </message>
    <message>
        <source>Profile colour</source>
        <translation>Цвет профиля</translation>
    </message>
    <message>
        <source>&amp;Production: every write must be confirmed by typing the profile name</source>
        <translation>П&amp;родакшен: каждую запись нужно подтверждать вводом имени профиля</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Проверить &amp;подключение</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <source>Show &amp;times in:</source>
        <translation>Показывать &amp;время в:</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>&amp;Тема:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>&amp;Events per page:</source>
        <translation>&amp;Событий на странице:</translation>
    </message>
    <message>
        <source>C&amp;ustomers per page:</source>
        <translation>&amp;Клиентов на странице:</translation>
    </message>
    <message>
        <source>Deli&amp;very attempts per page:</source>
        <translation>Попыток &amp;доставки на странице:</translation>
    </message>
    <message>
        <source>Outbox &amp;batch size:</source>
        <translation>Размер &amp;пакета очереди отправки:</translation>
    </message>
    <message>
        <source> events</source>
        <translation> событий</translation>
    </message>
    <message>
        <source>Outbox &amp;flush interval:</source>
        <translation>&amp;Интервал отправки очереди:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> мс</translation>
    </message>
    <message>
        <source>When no keychain is reachable, store tokens in a &amp;file only I can read</source>
        <translation>Если хранилище ключей недоступно, хранить токены в &amp;файле, доступном только мне</translation>
    </message>
    <message>
        <source>The language changes as soon as the settings are applied.</source>
        <translation>Язык меняется сразу после применения настроек.</translation>
    </message>
    <message>
        <source>Annotation &amp;event type:</source>
        <translation>&amp;Тип события аннотации:</translation>
    </message>
    <message>
        <source>Annotation event type</source>
        <translation>Тип события аннотации</translation>
    </message>
    <message>
        <source>Annotation e&amp;ntities:</source>
        <translation>&amp;Сущности аннотации:</translation>
    </message>
    <message>
        <source>Optional entity selector, e.g. type(SERVICE),entityName.equals(billing)</source>
        <translation>Необязательный селектор сущностей, например type(SERVICE),entityName.equals(billing)</translation>
    </message>
    <message>
        <source>Annotation entity selector</source>
        <translation>Селектор сущностей аннотации</translation>
    </message>
    <message>
        <source>Annotation ti&amp;meout:</source>
        <translation>Время о&amp;жидания аннотации:</translation>
    </message>
    <message>
        <source>The sink&apos;s default (15 min)</source>
        <translation>По умолчанию приёмника (15 мин)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
</context>
<context>
    <name>VolumeView</name>
    <message>
        <source>&amp;Hours:</source>
        <translation>&amp;Часы:</translation>
    </message>
    <message>
        <source>Which hours to show</source>
        <translation>Какие часы показывать</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Последние 24 часа</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Последние 7 дней</translation>
    </message>
    <message>
        <source>Last 31 days</source>
        <translation>Последние 31 день</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Свой интервал</translation>
    </message>
    <message>
        <source>&amp;From (UTC):</source>
        <translation>&amp;С (UTC):</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>yyyy-MM-dd HH:mm</translation>
    </message>
    <message>
        <source>&amp;Until (UTC):</source>
        <translation>&amp;До (UTC):</translation>
    </message>
    <message>
        <source>Show every hour again (double-click the chart does the same)</source>
        <translation>Снова показать все часы (то же делает двойной щелчок по графику)</translation>
    </message>
    <message>
        <source>Reset &amp;zoom</source>
        <translation>Сбросить &amp;масштаб</translation>
    </message>
    <message>
        <source>Save the hourly counts as a CSV file</source>
        <translation>Сохранить почасовые количества в файл CSV</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Экспорт в CSV…</translation>
    </message>
    <message>
        <source>Load the counts from the server again</source>
        <translation>Снова загрузить количества с сервера</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
</context>
<context>
    <name>WebhooksDialog</name>
    <message>
        <source>Webhooks</source>
        <translation>Вебхуки</translation>
    </message>
    <message>
        <source>Every subscribed change is POSTed to each webhook&apos;s URL, signed with its secret. Failed tries are retried on a schedule and listed under Webhook attempts.</source>
        <translation>Каждое изменение, на которое есть подписка, отправляется POST-запросом на URL каждого вебхука и подписывается его секретом. Неудачные попытки повторяются по расписанию и видны в разделе «Попытки доставки».</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Delete the selected webhooks; their pending deliveries are cancelled</source>
        <translation>Удалить выбранные вебхуки; их ожидающие доставки отменяются</translation>
    </message>
    <message>
        <source>Add a webhook</source>
        <translation>Добавить вебхук</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Subscriptions:</source>
        <translation>Подписки:</translation>
    </message>
    <message>
        <source>&amp;Add webhook</source>
        <translation>&amp;Добавить вебхук</translation>
    </message>
    <message>
        <source>Signing secret:</source>
        <translation>Секрет подписи:</translation>
    </message>
    <message>
        <source>Shown only now: copy it to the receiver, which verifies each delivery&apos;s signature with it</source>
        <translation>Показывается только сейчас: скопируйте его получателю, который проверяет им подпись каждой доставки</translation>
    </message>
</context>
<context>
    <name>ul</name>
    <message>
        <source>Map exactly one column to event_name.</source>
        <translation>Сопоставьте с event_name ровно один столбец.</translation>
    </message>
    <message>
        <source>Map exactly one column to timestamp.</source>
        <translation>Сопоставьте с timestamp ровно один столбец.</translation>
    </message>
    <message>
        <source>Map a column to customer_id or external_customer_id.</source>
        <translation>Сопоставьте столбец с customer_id или external_customer_id.</translation>
    </message>
    <message>
        <source>Map at most one column each to customer_id, external_customer_id and idempotency_key.</source>
        <translation>С каждым из полей customer_id, external_customer_id и idempotency_key можно сопоставить не более одного столбца.</translation>
    </message>
    <message>
        <source>A property column needs a header name.</source>
        <translation>Столбцу свойства нужно имя в заголовке.</translation>
    </message>
</context>
<context>
    <name>ul::AnnotationSink</name>
    <message>
        <source>No annotation sink URL is set.</source>
        <translation>URL приёмника аннотаций не задан.</translation>
    </message>
    <message>
        <source>No annotation sink token is stored for this profile.</source>
        <translation>Для этого профиля не сохранён токен приёмника аннотаций.</translation>
    </message>
    <message>
        <source>The annotation sink at %1 did not answer within %2 s.</source>
        <translation>Приёмник аннотаций %1 не ответил за %2 с.</translation>
    </message>
    <message>
        <source>The annotation sink at %1 could not be reached: %2</source>
        <translation>Не удалось связаться с приёмником аннотаций %1: %2</translation>
    </message>
    <message>
        <source>The annotation sink refused the token (HTTP %1). Check the sink token of this profile.</source>
        <translation>Приёмник аннотаций отклонил токен (HTTP %1). Проверьте токен приёмника в этом профиле.</translation>
    </message>
    <message>
        <source>The annotation sink answered HTTP %1.</source>
        <translation>Приёмник аннотаций ответил HTTP %1.</translation>
    </message>
    <message>
        <source>The annotation sink&apos;s answer is not an event ingest result.</source>
        <translation>Ответ приёмника аннотаций не является результатом приёма событий.</translation>
    </message>
    <message>
        <source>no status</source>
        <translation>без статуса</translation>
    </message>
    <message>
        <source>The annotation sink created no event (its entity selector matched nothing).</source>
        <translation>Приёмник аннотаций не создал ни одного события (селектор сущностей ничего не выбрал).</translation>
    </message>
    <message numerus="yes">
        <source>The annotation sink did not accept %n of %1 report(s): %2.</source>
        <translation>
            <numerusform>Приёмник аннотаций не принял %n из %1 отчётов о событиях: %2.</numerusform>
            <numerusform>Приёмник аннотаций не принял %n из %1 отчётов о событиях: %2.</numerusform>
            <numerusform>Приёмник аннотаций не принял %n из %1 отчётов о событиях: %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ul::ConnectionProfile</name>
    <message>
        <source>Local sandbox</source>
        <translation>Локальная песочница</translation>
    </message>
</context>
<context>
    <name>ul::CorrectionAnnotator</name>
    <message>
        <source>Could not tell whether the correction is complete: %1</source>
        <translation>Не удалось определить, завершено ли исправление: %1</translation>
    </message>
    <message>
        <source>Usage correction: backfill closed</source>
        <translation>Исправление потребления: дозагрузка закрыта</translation>
    </message>
    <message>
        <source>Usage correction: backfill reverted</source>
        <translation>Исправление потребления: дозагрузка откачена</translation>
    </message>
    <message>
        <source>Usage correction: %1</source>
        <translation>Исправление потребления: %1</translation>
    </message>
    <message>
        <source>The annotation was posted, but the journal could not record it: %1</source>
        <translation>Аннотация отправлена, но журнал не смог её записать: %1</translation>
    </message>
    <message>
        <source>The correction was not annotated: %1</source>
        <translation>Аннотация к исправлению не создана: %1</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 событие</translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n событие</numerusform>
            <numerusform>%n события</numerusform>
            <numerusform>%n событий</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage correction: %1 amended</source>
        <translation>Исправление потребления: исправлено событий — %1</translation>
    </message>
    <message>
        <source>Usage correction: %1 deprecated</source>
        <translation>Исправление потребления: исключено из учёта событий — %1</translation>
    </message>
    <message>
        <source>Usage correction: %1 ingested</source>
        <translation>Исправление потребления: принято событий — %1</translation>
    </message>
    <message>
        <source>Usage correction: %1 imported into a backfill</source>
        <translation>Исправление потребления: импортировано в дозагрузку событий — %1</translation>
    </message>
    <message>
        <source>, %1 failed</source>
        <translation>, с ошибкой: %1</translation>
    </message>
</context>
<context>
    <name>ul::CsvRecordReader</name>
    <message>
        <source>field %1: its opening quote is never closed</source>
        <translation>поле %1: открывающая кавычка не закрыта</translation>
    </message>
    <message>
        <source>field %1: text after its closing quote</source>
        <translation>поле %1: текст после закрывающей кавычки</translation>
    </message>
    <message>
        <source>the record is longer than %1 bytes; is a quote left open?</source>
        <translation>запись длиннее %1 байт; возможно, не закрыта кавычка?</translation>
    </message>
</context>
<context>
    <name>ul::ImportAnalyzer</name>
    <message>
        <source>The file %1 cannot be opened: %2</source>
        <translation>Не удаётся открыть файл %1: %2</translation>
    </message>
</context>
<context>
    <name>ul::ImportJob</name>
    <message>
        <source>The saved import position is not one this version understands.</source>
        <translation>Сохранённая позиция импорта непонятна этой версии.</translation>
    </message>
    <message>
        <source>The saved import position has a column mapping this version does not know.</source>
        <translation>В сохранённой позиции импорта сопоставление столбцов, неизвестное этой версии.</translation>
    </message>
    <message>
        <source>The file %1 cannot be opened: %2</source>
        <translation>Не удаётся открыть файл %1: %2</translation>
    </message>
    <message>
        <source>The file %1 is not the one this import started with (its first 64 KiB changed); it cannot be continued.</source>
        <translation>Файл %1 — не тот, с которого начался импорт (изменились его первые 64 КиБ); продолжить импорт нельзя.</translation>
    </message>
</context>
<context>
    <name>ul::ImportReader</name>
    <message>
        <source>The file cannot be read from its start.</source>
        <translation>Файл не читается с начала.</translation>
    </message>
    <message>
        <source>Two property columns are named %1.</source>
        <translation>Два столбца свойств называются %1.</translation>
    </message>
    <message>
        <source>Reading the file failed: %1</source>
        <translation>Ошибка чтения файла: %1</translation>
    </message>
    <message>
        <source>the line is longer than %1 bytes</source>
        <translation>строка длиннее %1 байт</translation>
    </message>
    <message>
        <source>not a JSON event object: %1</source>
        <translation>не JSON-объект события: %1</translation>
    </message>
    <message>
        <source>The file is empty; a CSV import needs a header row.</source>
        <translation>Файл пуст; для импорта CSV нужна строка заголовка.</translation>
    </message>
    <message>
        <source>The header row is not valid CSV: %1</source>
        <translation>Строка заголовка — некорректный CSV: %1</translation>
    </message>
    <message>
        <source>The header row (%1) does not match the column mapping (%2).</source>
        <translation>Строка заголовка (%1) не совпадает с сопоставлением столбцов (%2).</translation>
    </message>
    <message>
        <source>the row has %1 fields; the header has %2</source>
        <translation>в строке %1 полей, а в заголовке %2</translation>
    </message>
    <message>
        <source>timestamp: is empty</source>
        <translation>timestamp: пусто</translation>
    </message>
    <message>
        <source>timestamp: &quot;%1&quot; %2</source>
        <translation>timestamp: «%1» %2</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a number</source>
        <translation>%1: «%2» — не число</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a boolean (true or false)</source>
        <translation>%1: «%2» — не логическое значение (true или false)</translation>
    </message>
    <message>
        <source>event_name: is empty</source>
        <translation>event_name: пусто</translation>
    </message>
    <message>
        <source>timestamp: is missing</source>
        <translation>timestamp: отсутствует</translation>
    </message>
</context>
<context>
    <name>ul::ImportScreen</name>
    <message>
        <source>timestamp: %1 is outside the backfill&apos;s timeframe (%2 to %3)</source>
        <translation>timestamp: %1 вне периода дозагрузки (с %2 по %3)</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>любое время</translation>
    </message>
    <message>
        <source>customer_id: %1 is not the backfill&apos;s customer %2</source>
        <translation>customer_id: %1 — не клиент дозагрузки %2</translation>
    </message>
    <message>
        <source>customer_id: the backfill is for customer %1; this row names external_customer_id %2 instead</source>
        <translation>customer_id: дозагрузка для клиента %1, а в этой строке указан external_customer_id %2</translation>
    </message>
    <message>
        <source>external_customer_id: %1 is not the backfill&apos;s customer %2</source>
        <translation>external_customer_id: %1 — не клиент дозагрузки %2</translation>
    </message>
    <message>
        <source>external_customer_id: the backfill is for external customer %1; this row names customer_id %2 instead</source>
        <translation>external_customer_id: дозагрузка для внешнего клиента %1, а в этой строке указан customer_id %2</translation>
    </message>
    <message>
        <source>idempotency_key: %1 was already used on line %2; this row is skipped</source>
        <translation>idempotency_key: %1 уже использован в строке %2; эта строка пропущена</translation>
    </message>
</context>
<context>
    <name>ul::Journal</name>
    <message>
        <source>Entry %1 is final: a deprecation cannot be undone.</source>
        <translation>Запись %1 окончательна: исключение из учёта отменить нельзя.</translation>
    </message>
    <message>
        <source>Entry %1 is not an amendment; only amendments can be undone.</source>
        <translation>Запись %1 — не исправление; отменять можно только исправления.</translation>
    </message>
    <message>
        <source>Entry %1 did not succeed (%2); there is nothing to undo.</source>
        <translation>Запись %1 не выполнена (%2); отменять нечего.</translation>
    </message>
    <message>
        <source>Entry %1 is already undone by entry %2.</source>
        <translation>Запись %1 уже отменена записью %2.</translation>
    </message>
    <message>
        <source>Entry %1 has no saved payload to restore.</source>
        <translation>У записи %1 нет сохранённых данных для восстановления.</translation>
    </message>
    <message>
        <source>Event %1 was deprecated later (entry %2); a deprecated event cannot be amended.</source>
        <translation>Событие %1 позже исключено из учёта (запись %2); исключённое событие исправить нельзя.</translation>
    </message>
    <message>
        <source>Event %1 was amended again later (entry %2); undo that entry first.</source>
        <translation>Событие %1 позже исправлено ещё раз (запись %2); сначала отмените ту запись.</translation>
    </message>
    <message>
        <source>The saved payload of entry %1 cannot be read.</source>
        <translation>Сохранённые данные записи %1 не читаются.</translation>
    </message>
</context>
<context>
    <name>ul::Outbox</name>
    <message>
        <source>Not sent: the write was not in the outbox (UsageLens stopped before it was queued).</source>
        <translation>Не отправлено: записи не было в очереди отправки (UsageLens остановился до постановки в очередь).</translation>
    </message>
    <message>
        <source>Not sent: UsageLens stopped while queuing this batch; its events are recorded in a later entry.</source>
        <translation>Не отправлено: UsageLens остановился при постановке пакета в очередь; его события учтены в более поздней записи.</translation>
    </message>
    <message>
        <source>Not sent: superseded by journal entry %1 for the same operation.</source>
        <translation>Не отправлено: заменено записью журнала %1 для той же операции.</translation>
    </message>
    <message>
        <source>The outbox is closing; nothing more can be queued.</source>
        <translation>Очередь отправки закрывается; ставить в неё больше ничего нельзя.</translation>
    </message>
    <message>
        <source>The outbox stopped after a storage error.</source>
        <translation>Очередь отправки остановлена после ошибки хранилища.</translation>
    </message>
    <message>
        <source>No connection is attached for profile %1.</source>
        <translation>Для профиля %1 нет подключения.</translation>
    </message>
    <message>
        <source>The outbox is full: %1 events fit now, %2 were given. Wait for room.</source>
        <translation>Очередь отправки заполнена: сейчас помещается событий: %1, передано: %2. Дождитесь освобождения места.</translation>
    </message>
    <message>
        <source>The journal of %1 is gone.</source>
        <translation>Журнал профиля %1 больше недоступен.</translation>
    </message>
    <message>
        <source>The journal refused the entries: %1</source>
        <translation>Журнал не принял записи: %1</translation>
    </message>
    <message>
        <source>Not queued: the outbox could not store it (%1). Nothing was sent.</source>
        <translation>Не поставлено в очередь: очередь отправки не смогла это сохранить (%1). Ничего не отправлено.</translation>
    </message>
    <message>
        <source>The outbox could not store the operations: %1</source>
        <translation>Очередь отправки не смогла сохранить операции: %1</translation>
    </message>
    <message>
        <source>Amendment %1 has no event id, or its before and after ids differ.</source>
        <translation>У исправления %1 нет ID события, или ID до и после различаются.</translation>
    </message>
    <message>
        <source>Deprecation %1 has no event id.</source>
        <translation>У исключения из учёта %1 нет ID события.</translation>
    </message>
    <message>
        <source>A queued request needs an action, a write method and a path.</source>
        <translation>Запросу в очереди нужны действие, метод записи и путь.</translation>
    </message>
    <message>
        <source>Event %1 has no id (idempotency key).</source>
        <translation>У события %1 нет ID (ключа идемпотентности).</translation>
    </message>
    <message>
        <source>The outbox could not store the events: %1</source>
        <translation>Очередь отправки не смогла сохранить события: %1</translation>
    </message>
    <message>
        <source>Not sent: the outbox could not seal the batch (%1).</source>
        <translation>Не отправлено: очередь отправки не смогла закрыть пакет (%1).</translation>
    </message>
    <message>
        <source>The journal could not record the server&apos;s answers: %1</source>
        <translation>Журнал не смог записать ответы сервера: %1</translation>
    </message>
    <message>
        <source>The outbox could not record the server&apos;s answers: %1</source>
        <translation>Очередь отправки не смогла записать ответы сервера: %1</translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation>Приостановлено.</translation>
    </message>
    <message>
        <source>None of these operations has failed.</source>
        <translation>Ни одна из этих операций не завершилась ошибкой.</translation>
    </message>
    <message>
        <source>Not queued again: %1</source>
        <translation>Повторно в очередь не поставлено: %1</translation>
    </message>
    <message>
        <source>Cancelled after %1 attempts; the server may have applied it (last error: %2).</source>
        <translation>Отменено после попыток: %1; сервер мог уже применить операцию (последняя ошибка: %2).</translation>
    </message>
    <message>
        <source>Cancelled before it was sent.</source>
        <translation>Отменено до отправки.</translation>
    </message>
</context>
<context>
    <name>ul::ProfileRules</name>
    <message>
        <source>Enter the server&apos;s base URL, e.g. https://api.withorb.com/v1.</source>
        <translation>Введите базовый URL сервера, например https://api.withorb.com/v1.</translation>
    </message>
    <message>
        <source>This is not a URL. Enter it in full, e.g. https://api.withorb.com/v1.</source>
        <translation>Это не URL. Введите его полностью, например https://api.withorb.com/v1.</translation>
    </message>
    <message>
        <source>Only https:// URLs are accepted (http:// only for this computer).</source>
        <translation>Принимаются только адреса https:// (http:// — только для этого компьютера).</translation>
    </message>
    <message>
        <source>The URL has no host name.</source>
        <translation>В URL нет имени хоста.</translation>
    </message>
    <message>
        <source>Do not put a user name or password in the URL; enter the API token in its own field.</source>
        <translation>Не указывайте в URL имя пользователя или пароль; введите токен API в отдельное поле.</translation>
    </message>
    <message>
        <source>The base URL must not have a query (?…) or fragment (#…).</source>
        <translation>Базовый URL не должен содержать запрос (?…) или фрагмент (#…).</translation>
    </message>
    <message>
        <source>Plain http:// is allowed only for this computer (localhost, 127.0.0.1, ::1); use https:// for %1 so the token is not sent in clear text.</source>
        <translation>Обычный http:// допускается только для этого компьютера (localhost, 127.0.0.1, ::1); для %1 используйте https://, чтобы токен не передавался открытым текстом.</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Дайте профилю имя.</translation>
    </message>
    <message>
        <source>Another profile is already called “%1”.</source>
        <translation>Профиль с именем «%1» уже есть.</translation>
    </message>
    <message>
        <source>The request timeout must be from %1 to %2 seconds.</source>
        <translation>Время ожидания запроса должно быть от %1 до %2 секунд.</translation>
    </message>
    <message>
        <source>Retries must be from 0 to %1.</source>
        <translation>Число повторов должно быть от 0 до %1.</translation>
    </message>
    <message>
        <source>Pick a colour.</source>
        <translation>Выберите цвет.</translation>
    </message>
</context>
<context>
    <name>ul::ProfileSession</name>
    <message>
        <source>No API token is stored for “%1”. Enter it in Settings.</source>
        <translation>Для «%1» не сохранён токен API. Введите его в настройках.</translation>
    </message>
</context>
<context>
    <name>ul::ProfileStore</name>
    <message>
        <source>This profile no longer exists.</source>
        <translation>Этого профиля больше нет.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (копия)</translation>
    </message>
</context>
<context>
    <name>ul::RequestError</name>
    <message>
        <source> (tried %1 times)</source>
        <translation> (попыток: %1)</translation>
    </message>
    <message>
        <source>Could not reach %1: %2. Check that the server is running and the base URL is right.</source>
        <translation>Не удалось связаться с %1: %2. Проверьте, что сервер запущен и базовый URL указан верно.</translation>
    </message>
    <message>
        <source>%1 did not answer in time%2. The server may be overloaded; try again later.</source>
        <translation>%1 не ответил вовремя%2. Возможно, сервер перегружен; повторите позже.</translation>
    </message>
    <message>
        <source>The secure connection to %1 was refused: %2. UsageLens never ignores certificate errors; fix the certificate or the base URL.</source>
        <translation>Защищённое подключение к %1 отклонено: %2. UsageLens никогда не игнорирует ошибки сертификатов; исправьте сертификат или базовый URL.</translation>
    </message>
    <message>
        <source>The answer from %1 could not be read: %2.</source>
        <translation>Не удалось прочитать ответ от %1: %2.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <source>The API token was refused (401): %1 Check the token in Settings.</source>
        <translation>Токен API отклонён (401): %1 Проверьте токен в настройках.</translation>
    </message>
    <message>
        <source>The server is rate limiting requests (429)%1: %2</source>
        <translation>Сервер ограничивает частоту запросов (429)%1: %2</translation>
    </message>
    <message>
        <source>The server failed (%1)%2: %3</source>
        <translation>Ошибка сервера (%1)%2: %3</translation>
    </message>
    <message>
        <source>The server refused the request (%1): %2</source>
        <translation>Сервер отклонил запрос (%1): %2</translation>
    </message>
</context>
<context>
    <name>ul::Settings</name>
    <message>
        <source>%1 must be a whole number from %2 to %3.</source>
        <translation>%1: нужно целое число от %2 до %3.</translation>
    </message>
</context>
<context>
    <name>ul::TokenStore</name>
    <message>
        <source>no keychain is used on this system</source>
        <translation>в этой системе хранилище ключей не используется</translation>
    </message>
    <message>
        <source>Without a keychain, UsageLens can keep API tokens in a file that only your user account may read. The tokens are not encrypted: anyone who can act as you on this computer, or read its disk or backups, can read them. Use it only on a computer you trust, and prefer installing a keychain.</source>
        <translation>Без хранилища ключей UsageLens может хранить токены API в файле, который может читать только ваша учётная запись. Токены не шифруются: их прочитает любой, кто может действовать от вашего имени на этом компьютере или читать его диск и резервные копии. Используйте это только на доверенном компьютере, а лучше установите хранилище ключей.</translation>
    </message>
    <message>
        <source>access to the keychain was declined</source>
        <translation>доступ к хранилищу ключей отклонён</translation>
    </message>
    <message>
        <source>no keychain service answered</source>
        <translation>ни одна служба хранилища ключей не ответила</translation>
    </message>
    <message>
        <source>No keychain is reachable (%1). A token you enter is kept for this run only, unless you choose to store tokens in a file in Settings.</source>
        <translation>Хранилище ключей недоступно (%1). Введённый токен хранится только до закрытия программы, если в настройках не выбрано хранение токенов в файле.</translation>
    </message>
    <message>
        <source>The keychain refused to give the token: %1.</source>
        <translation>Хранилище ключей не выдало токен: %1.</translation>
    </message>
    <message>
        <source>No keychain is reachable (%1). As you chose, the token was stored in %2, a file only your user account can read; it is not encrypted.</source>
        <translation>Хранилище ключей недоступно (%1). Как вы и выбрали, токен сохранён в %2 — файле, который может читать только ваша учётная запись; он не зашифрован.</translation>
    </message>
    <message>
        <source>No keychain is reachable (%1), and the token file could not be written (%2). The token is kept for this run only.</source>
        <translation>Хранилище ключей недоступно (%1), а файл токенов записать не удалось (%2). Токен хранится только до закрытия программы.</translation>
    </message>
    <message>
        <source>No keychain is reachable (%1). The token is kept for this run only: you will have to enter it again after restarting UsageLens, unless you choose to store tokens in a file.</source>
        <translation>Хранилище ключей недоступно (%1). Токен хранится только до закрытия программы: после перезапуска UsageLens его придётся ввести снова, если не выбрать хранение токенов в файле.</translation>
    </message>
    <message>
        <source>The keychain could not delete the token: %1.</source>
        <translation>Хранилище ключей не смогло удалить токен: %1.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 — не файл.</translation>
    </message>
    <message>
        <source>The token file %1 can be read or changed by other users, so UsageLens does not use it. Make it readable only by you (chmod 600) or delete it.</source>
        <translation>Файл токенов %1 могут читать или изменять другие пользователи, поэтому UsageLens его не использует. Сделайте его доступным только вам (chmod 600) или удалите.</translation>
    </message>
    <message>
        <source>The token file %1 belongs to another user, so UsageLens does not use it.</source>
        <translation>Файл токенов %1 принадлежит другому пользователю, поэтому UsageLens его не использует.</translation>
    </message>
    <message>
        <source>The token file %1 could not be read: %2.</source>
        <translation>Не удалось прочитать файл токенов %1: %2.</translation>
    </message>
    <message>
        <source>The token file %1 could not be written: %2.</source>
        <translation>Не удалось записать файл токенов %1: %2.</translation>
    </message>
    <message>
        <source>no file was chosen</source>
        <translation>файл не выбран</translation>
    </message>
    <message>
        <source>it could not be deleted</source>
        <translation>его не удалось удалить</translation>
    </message>
    <message>
        <source>its folder could not be created</source>
        <translation>не удалось создать его папку</translation>
    </message>
    <message>
        <source>its permissions could not be restricted</source>
        <translation>не удалось ограничить права доступа к нему</translation>
    </message>
</context>
<context>
    <name>ul::filter::Expression</name>
    <message>
        <source>the end of the expression</source>
        <translation>конец выражения</translation>
    </message>
    <message>
        <source>the string %1</source>
        <translation>строку %1</translation>
    </message>
    <message>
        <source>the name &quot;%1&quot;</source>
        <translation>имя &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the number %1</source>
        <translation>число %1</translation>
    </message>
    <message>
        <source>unexpected character &apos;%1&apos;; quote values that contain it: &apos;text&apos;</source>
        <translation>неожиданный символ &apos;%1&apos;; значения, содержащие его, заключайте в кавычки: &apos;текст&apos;</translation>
    </message>
    <message>
        <source>&apos;!&apos; must be followed by &apos;=&apos; (not equal); use NOT to negate</source>
        <translation>после &apos;!&apos; должен идти &apos;=&apos; (не равно); для отрицания используйте NOT</translation>
    </message>
    <message>
        <source>unterminated string: add the closing &apos; (write &apos;&apos; or \&apos; for a quote inside it)</source>
        <translation>незакрытая строка: добавьте закрывающую &apos; (кавычку внутри строки пишите как &apos;&apos; или \&apos;)</translation>
    </message>
    <message>
        <source>unterminated name: add the closing &quot;</source>
        <translation>незакрытое имя: добавьте закрывающую &quot;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number; quote text values: &apos;%1&apos;</source>
        <translation>&apos;%1&apos; — не число; текстовые значения заключайте в кавычки: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the expression is empty; write a condition such as region = &apos;eu&apos;</source>
        <translation>выражение пустое; напишите условие, например region = &apos;eu&apos;</translation>
    </message>
    <message>
        <source>&apos;)&apos; has no matching &apos;(&apos;</source>
        <translation>у &apos;)&apos; нет парной &apos;(&apos;</translation>
    </message>
    <message>
        <source>expected AND, OR or the end of the expression, found %1 (quote values that contain spaces: &apos;two words&apos;)</source>
        <translation>ожидались AND, OR или конец выражения, а найдено: %1 (значения с пробелами заключайте в кавычки: &apos;два слова&apos;)</translation>
    </message>
    <message>
        <source>the expression is nested too deeply</source>
        <translation>слишком глубокая вложенность выражения</translation>
    </message>
    <message>
        <source>this &apos;(&apos; is never closed; add a &apos;)&apos;</source>
        <translation>эта &apos;(&apos; не закрыта; добавьте &apos;)&apos;</translation>
    </message>
    <message>
        <source>expected a condition such as region = &apos;eu&apos; at the end</source>
        <translation>в конце ожидалось условие, например region = &apos;eu&apos;</translation>
    </message>
    <message>
        <source>expected a property name, found the keyword %1 (write &quot;%2&quot; for a property of that name)</source>
        <translation>ожидалось имя свойства, а найдено ключевое слово %1 (для свойства с таким именем пишите &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>expected a property name, found %1</source>
        <translation>ожидалось имя свойства, а найдено: %1</translation>
    </message>
    <message>
        <source>a property name cannot be empty</source>
        <translation>имя свойства не может быть пустым</translation>
    </message>
    <message>
        <source>expected a comparison (=, !=, &lt;, &lt;=, &gt;, &gt;=) after &apos;%1&apos;, found %2</source>
        <translation>после &apos;%1&apos; ожидалось сравнение (=, !=, &lt;, &lt;=, &gt;, &gt;=), а найдено: %2</translation>
    </message>
    <message>
        <source>expected a value after &apos;%1&apos;, found the keyword %2 (quote it to compare with the word: &apos;%3&apos;)</source>
        <translation>после &apos;%1&apos; ожидалось значение, а найдено ключевое слово %2 (чтобы сравнить со словом, заключите его в кавычки: &apos;%3&apos;)</translation>
    </message>
    <message>
        <source>expected a value after &apos;%1&apos;</source>
        <translation>после &apos;%1&apos; ожидалось значение</translation>
    </message>
    <message>
        <source>expected a value after &apos;%1&apos;; strings take single quotes: &apos;%2&apos;</source>
        <translation>после &apos;%1&apos; ожидалось значение; строки заключаются в одинарные кавычки: &apos;%2&apos;</translation>
    </message>
    <message>
        <source>expected a value after &apos;%1&apos;, found %2</source>
        <translation>после &apos;%1&apos; ожидалось значение, а найдено: %2</translation>
    </message>
    <message>
        <source>column %1: %2</source>
        <translation>столбец %1: %2</translation>
    </message>
</context>
<context>
    <name>ul::gui::AmendDialog</name>
    <message>
        <source>Amend event %1</source>
        <translation>Исправление события %1</translation>
    </message>
    <message>
        <source>Re&amp;view changes…</source>
        <translation>&amp;Проверить изменения…</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Назад</translation>
    </message>
    <message>
        <source>&amp;Send amendment</source>
        <translation>&amp;Отправить исправление</translation>
    </message>
    <message>
        <source>This event is deprecated: deprecated events cannot be amended.</source>
        <translation>Это событие исключено из учёта, а исключённые события исправлять нельзя.</translation>
    </message>
    <message>
        <source>Nothing is changed yet.</source>
        <translation>Пока ничего не изменено.</translation>
    </message>
    <message>
        <source>Amending event %1</source>
        <translation>Исправление события %1</translation>
    </message>
</context>
<context>
    <name>ul::gui::AppCommandLine</name>
    <message>
        <source>Inspect and correct usage events in an Orb-compatible billing API. Without options it opens on a local sandbox server with demo data.</source>
        <translation>Просмотр и исправление событий использования в биллинговом API, совместимом с Orb. Без параметров открывается на локальном сервере-песочнице с демонстрационными данными.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Показать эту справку.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Показать версию.</translation>
    </message>
    <message>
        <source>Folder for the local sandbox&apos;s database (default: %1).</source>
        <translation>Папка для базы данных локальной песочницы (по умолчанию: %1).</translation>
    </message>
    <message>
        <source>the per-user application data folder</source>
        <translation>папка данных приложения пользователя</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>ПАПКА</translation>
    </message>
    <message>
        <source>Quit as soon as the window has been shown, after printing how long that took (for benchmarks).</source>
        <translation>Выйти сразу после показа окна, напечатав, сколько это заняло (для замеров производительности).</translation>
    </message>
    <message>
        <source>%1: %2
Try --help.
</source>
        <translation>%1: %2
См. --help.
</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>неожиданный аргумент &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--data-dir wants a folder</source>
        <translation>для --data-dir нужна папка</translation>
    </message>
</context>
<context>
    <name>ul::gui::AttemptTableModel</name>
    <message>
        <source>Sending…</source>
        <translation>Отправка…</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Доставлено</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>Обработано</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Вручную</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>По расписанию</translation>
    </message>
    <message>
        <source> (handled)</source>
        <translation> (обработано)</translation>
    </message>
    <message>
        <source>Webhook %1
%2</source>
        <translation>Вебхук %1
%2</translation>
    </message>
    <message>
        <source>Next try at %1</source>
        <translation>Следующая попытка в %1</translation>
    </message>
    <message>
        <source>Delivered at %1</source>
        <translation>Доставлено в %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>Статус HTTP</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Event id</source>
        <translation>ID события</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>URL вебхука</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Доставка</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
</context>
<context>
    <name>ul::gui::AttemptsView</name>
    <message>
        <source>Not connected to a server.</source>
        <translation>Нет подключения к серверу.</translation>
    </message>
    <message>
        <source>Loading attempts failed: %1</source>
        <translation>Не удалось загрузить попытки: %1</translation>
    </message>
    <message>
        <source>Loading attempts…</source>
        <translation>Загрузка попыток…</translation>
    </message>
    <message>
        <source>No failed deliveries match the filter.</source>
        <translation>Нет неудачных доставок, подходящих под фильтр.</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) shown; more load as you scroll.</source>
        <translation>
            <numerusform>Показана %n попытка; остальные загрузятся при прокрутке.</numerusform>
            <numerusform>Показано %n попытки; остальные загрузятся при прокрутке.</numerusform>
            <numerusform>Показано %n попыток; остальные загрузятся при прокрутке.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s).</source>
        <translation>
            <numerusform>%n попытка.</numerusform>
            <numerusform>%n попытки.</numerusform>
            <numerusform>%n попыток.</numerusform>
        </translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Attempt %1: %2, %3</source>
        <translation>Попытка %1: %2, %3</translation>
    </message>
    <message>
        <source>manual resend</source>
        <translation>повторная отправка вручную</translation>
    </message>
    <message>
        <source>scheduled try</source>
        <translation>попытка по расписанию</translation>
    </message>
    <message>
        <source>Time: %1</source>
        <translation>Время: %1</translation>
    </message>
    <message>
        <source>Event: %1</source>
        <translation>Событие: %1</translation>
    </message>
    <message>
        <source>Webhook: %1 (%2)</source>
        <translation>Вебхук: %1 (%2)</translation>
    </message>
    <message>
        <source>Subscription: %1</source>
        <translation>Подписка: %1</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>Статус HTTP: %1</translation>
    </message>
    <message>
        <source>Duration: %1 ms</source>
        <translation>Длительность: %1 мс</translation>
    </message>
    <message>
        <source> (last delivered at %1)</source>
        <translation> (последняя доставка в %1)</translation>
    </message>
    <message>
        <source> (next try at %1)</source>
        <translation> (следующая попытка в %1)</translation>
    </message>
    <message>
        <source>Delivery: %1</source>
        <translation>Доставка: %1</translation>
    </message>
    <message>
        <source>Handled: %1</source>
        <translation>Обработано: %1</translation>
    </message>
    <message>
        <source>Last action: %1</source>
        <translation>Последнее действие: %1</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Сообщение:</translation>
    </message>
    <message>
        <source>Response excerpt:</source>
        <translation>Фрагмент ответа:</translation>
    </message>
    <message>
        <source>(no response body)</source>
        <translation>(ответ без тела)</translation>
    </message>
    <message>
        <source>No webhooks</source>
        <translation>Нет вебхуков</translation>
    </message>
    <message>
        <source>Resending…</source>
        <translation>Повторная отправка…</translation>
    </message>
    <message>
        <source>Resend failed: %1</source>
        <translation>Повторная отправка не удалась: %1</translation>
    </message>
    <message>
        <source>Resent, but its outcome could not be read: %1</source>
        <translation>Отправлено повторно, но результат прочитать не удалось: %1</translation>
    </message>
    <message>
        <source>Still sending; refresh to see how it ended</source>
        <translation>Ещё отправляется; обновите, чтобы увидеть результат</translation>
    </message>
    <message>
        <source>Delivered at %1</source>
        <translation>Доставлено в %1</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Доставлено</translation>
    </message>
    <message>
        <source>Failed again: %1</source>
        <translation>Снова ошибка: %1</translation>
    </message>
    <message>
        <source>Marking handled…</source>
        <translation>Отметка как обработанной…</translation>
    </message>
    <message>
        <source>Not marked handled: %1</source>
        <translation>Не отмечено как обработанное: %1</translation>
    </message>
    <message>
        <source>Marked handled</source>
        <translation>Отмечено как обработанное</translation>
    </message>
</context>
<context>
    <name>ul::gui::BackfillActions</name>
    <message>
        <source>Backfill changes need the outbox, which is not open.</source>
        <translation>Для изменений дозагрузок нужна очередь отправки, а она не открыта.</translation>
    </message>
    <message>
        <source>Not connected to a server yet.</source>
        <translation>Подключения к серверу ещё нет.</translation>
    </message>
    <message>
        <source>The server refused it (HTTP %1).</source>
        <translation>Сервер отклонил запрос (HTTP %1).</translation>
    </message>
    <message>
        <source>The server accepted it, but its answer could not be read.</source>
        <translation>Сервер принял запрос, но его ответ прочитать не удалось.</translation>
    </message>
    <message>
        <source>customer %1</source>
        <translation>клиента %1</translation>
    </message>
    <message>
        <source>the customer with external id %1</source>
        <translation>клиента с внешним ID %1</translation>
    </message>
    <message>
        <source>all customers</source>
        <translation>всех клиентов</translation>
    </message>
    <message>
        <source>the events of %1 – %2 %3 for %4</source>
        <translation>события с %1 по %2 %3 для %4</translation>
    </message>
    <message>
        <source>Close backfill %1?</source>
        <translation>Закрыть дозагрузку %1?</translation>
    </message>
    <message numerus="yes">
        <source>Its %n ingested event(s) will count for billing.</source>
        <translation>
            <numerusform>Её %n принятое событие будет учитываться в биллинге.</numerusform>
            <numerusform>Её %n принятых события будут учитываться в биллинге.</numerusform>
            <numerusform>Её %n принятых событий будут учитываться в биллинге.</numerusform>
        </translation>
    </message>
    <message>
        <source>They are added to %1, which keep counting.</source>
        <translation>Они добавляются к событиям (%1), которые продолжают учитываться.</translation>
    </message>
    <message>
        <source>They replace those of %1 that match the deprecation filter “%2”: those stop counting; the others keep counting.</source>
        <translation>Они заменяют события (%1), подходящие под фильтр исключения «%2»: те перестают учитываться, остальные продолжают.</translation>
    </message>
    <message>
        <source>They replace %1: every one of those stops counting.</source>
        <translation>Они заменяют %1: все эти события перестают учитываться.</translation>
    </message>
    <message>
        <source>It is sent after the events still queued for this backfill. You can revert it afterwards.</source>
        <translation>Закрытие отправляется после событий, ещё стоящих в очереди для этой дозагрузки. Потом её можно откатить.</translation>
    </message>
    <message>
        <source>Revert backfill %1?</source>
        <translation>Откатить дозагрузку %1?</translation>
    </message>
    <message numerus="yes">
        <source>It was never closed: its %n ingested event(s) are discarded and no other event changes.</source>
        <translation>
            <numerusform>Она не была закрыта: её %n принятое событие отбрасывается, другие события не меняются.</numerusform>
            <numerusform>Она не была закрыта: её %n принятых события отбрасываются, другие события не меняются.</numerusform>
            <numerusform>Она не была закрыта: её %n принятых событий отбрасываются, другие события не меняются.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This restores the state before it was closed: its %n event(s) stop counting for billing</source>
        <translation>
            <numerusform>Восстанавливается состояние до её закрытия: её %n событие перестаёт учитываться в биллинге</numerusform>
            <numerusform>Восстанавливается состояние до её закрытия: её %n события перестают учитываться в биллинге</numerusform>
            <numerusform>Восстанавливается состояние до её закрытия: её %n событий перестают учитываться в биллинге</numerusform>
        </translation>
    </message>
    <message>
        <source>, and the events it replaced (%1) count again.</source>
        <translation>, а замещённые ею события (%1) снова учитываются.</translation>
    </message>
    <message>
        <source>; it replaced nothing, so no other event changes.</source>
        <translation>; она ничего не замещала, поэтому другие события не меняются.</translation>
    </message>
    <message>
        <source>A reverted backfill cannot be closed or reverted again.</source>
        <translation>Откаченную дозагрузку нельзя закрыть или откатить ещё раз.</translation>
    </message>
</context>
<context>
    <name>ul::gui::BackfillScopePage</name>
    <message>
        <source>Every existing event of the timeframe and customers is replaced.</source>
        <translation>Заменяются все имеющиеся события периода и клиентов.</translation>
    </message>
    <message>
        <source>Not a valid filter: %1</source>
        <translation>Некорректный фильтр: %1</translation>
    </message>
    <message>
        <source>Valid: replaces the existing events where %1.</source>
        <translation>Корректно: заменяет имеющиеся события, где %1.</translation>
    </message>
    <message>
        <source>Enter the customer id, or choose all customers.</source>
        <translation>Введите ID клиента или выберите всех клиентов.</translation>
    </message>
    <message>
        <source>Enter the external customer id, or choose all customers.</source>
        <translation>Введите внешний ID клиента или выберите всех клиентов.</translation>
    </message>
    <message>
        <source>Correct the deprecation filter, or leave it empty.</source>
        <translation>Исправьте фильтр исключения или оставьте его пустым.</translation>
    </message>
</context>
<context>
    <name>ul::gui::BackfillTableModel</name>
    <message>
        <source>Pending</source>
        <translation>Открыта</translation>
    </message>
    <message>
        <source>Reflected</source>
        <translation>Закрыта</translation>
    </message>
    <message>
        <source>Reverting</source>
        <translation>Откатывается</translation>
    </message>
    <message>
        <source>Reverted</source>
        <translation>Откачена</translation>
    </message>
    <message>
        <source>Open: events can be ingested into it. Nothing counts for billing until it is closed.</source>
        <translation>Открыта: в неё можно загружать события. До закрытия ничего не учитывается в биллинге.</translation>
    </message>
    <message>
        <source>Closed: its events count for billing (and the events it replaces do not).</source>
        <translation>Закрыта: её события учитываются в биллинге (а замещённые ею — нет).</translation>
    </message>
    <message>
        <source>Being reverted: the state before it was closed is being restored.</source>
        <translation>Откатывается: восстанавливается состояние до её закрытия.</translation>
    </message>
    <message>
        <source>Reverted: its events do not count; the events it had replaced count again.</source>
        <translation>Откачена: её события не учитываются, а замещённые ею снова учитываются.</translation>
    </message>
    <message>
        <source>Customer %1</source>
        <translation>Клиент %1</translation>
    </message>
    <message>
        <source>External id %1</source>
        <translation>Внешний ID %1</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>Все клиенты</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Замена</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавление</translation>
    </message>
    <message>
        <source>Its events replace the existing events of the timeframe and scope (those matching the deprecation filter, when there is one).</source>
        <translation>Её события заменяют существующие события периода и охвата (если задан фильтр исключения — только подходящие под него).</translation>
    </message>
    <message>
        <source>Its events are added to the existing events.</source>
        <translation>Её события добавляются к существующим.</translation>
    </message>
    <message>
        <source>It closes by itself at this time.</source>
        <translation>В это время она закроется сама.</translation>
    </message>
    <message>
        <source>When it was closed.</source>
        <translation>Когда она была закрыта.</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>From (%1)</source>
        <translation>С (%1)</translation>
    </message>
    <message>
        <source>Until (%1)</source>
        <translation>До (%1)</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Охват</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Режим</translation>
    </message>
    <message>
        <source>Deprecation filter</source>
        <translation>Фильтр исключения</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>Created (%1)</source>
        <translation>Создана (%1)</translation>
    </message>
    <message>
        <source>Close time (%1)</source>
        <translation>Время закрытия (%1)</translation>
    </message>
    <message>
        <source>Reverted (%1)</source>
        <translation>Откачена (%1)</translation>
    </message>
</context>
<context>
    <name>ul::gui::BackfillTimeframePage</name>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n час</numerusform>
            <numerusform>%n часа</numerusform>
            <numerusform>%n часов</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation>Конец должен быть позже начала.</translation>
    </message>
    <message>
        <source>A backfill may span at most 31 days; this one spans %1.</source>
        <translation>Дозагрузка может охватывать не более 31 дня; эта охватывает %1.</translation>
    </message>
    <message>
        <source>The close time must be in the future.</source>
        <translation>Время закрытия должно быть в будущем.</translation>
    </message>
    <message>
        <source>Covers %1.</source>
        <translation>Охватывает %1.</translation>
    </message>
</context>
<context>
    <name>ul::gui::BackfillsView</name>
    <message numerus="yes">
        <source>%n backfill(s) shown</source>
        <translation>
            <numerusform>Показана %n дозагрузка</numerusform>
            <numerusform>Показано %n дозагрузки</numerusform>
            <numerusform>Показано %n дозагрузок</numerusform>
        </translation>
    </message>
    <message>
        <source>; scroll down for more.</source>
        <translation>; прокрутите вниз, чтобы увидеть остальные.</translation>
    </message>
    <message>
        <source>.</source>
        <translation>.</translation>
    </message>
    <message>
        <source>Could not load the backfills: %1</source>
        <translation>Не удалось загрузить дозагрузки: %1</translation>
    </message>
    <message>
        <source>Backfill %1 is closed: its events count now.</source>
        <translation>Дозагрузка %1 закрыта: теперь её события учитываются.</translation>
    </message>
    <message>
        <source>Backfill %1 is %2.</source>
        <translation>Дозагрузка %1: %2.</translation>
    </message>
    <message>
        <source>The server did not accept it: %1</source>
        <translation>Сервер не принял запрос: %1</translation>
    </message>
    <message>
        <source>Not connected to a server.</source>
        <translation>Нет подключения к серверу.</translation>
    </message>
    <message>
        <source>Close backfill</source>
        <translation>Закрытие дозагрузки</translation>
    </message>
    <message>
        <source>Closing backfill %1</source>
        <translation>Закрытие дозагрузки %1</translation>
    </message>
    <message>
        <source>Could not queue the close: %1</source>
        <translation>Не удалось поставить закрытие в очередь: %1</translation>
    </message>
    <message>
        <source>Closing backfill %1…</source>
        <translation>Закрытие дозагрузки %1…</translation>
    </message>
    <message>
        <source>Revert backfill</source>
        <translation>Откат дозагрузки</translation>
    </message>
    <message>
        <source>Reverting backfill %1</source>
        <translation>Откат дозагрузки %1</translation>
    </message>
    <message>
        <source>Could not queue the revert: %1</source>
        <translation>Не удалось поставить откат в очередь: %1</translation>
    </message>
    <message>
        <source>Reverting backfill %1…</source>
        <translation>Откат дозагрузки %1…</translation>
    </message>
    <message numerus="yes">
        <source>Refreshing every %n s while a backfill is pending</source>
        <translation>
            <numerusform>Обновление каждую %n с, пока есть открытая дозагрузка</numerusform>
            <numerusform>Обновление каждые %n с, пока есть открытая дозагрузка</numerusform>
            <numerusform>Обновление каждые %n с, пока есть открытая дозагрузка</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a backfill to see what it changes.</source>
        <translation>Выберите дозагрузку, чтобы увидеть, что она меняет.</translation>
    </message>
    <message>
        <source>%1 — %2. %3</source>
        <translation>%1 — %2. %3</translation>
    </message>
    <message>
        <source>Replaces %1</source>
        <translation>Заменяет %1</translation>
    </message>
    <message>
        <source>Adds to %1</source>
        <translation>Добавляется к %1</translation>
    </message>
    <message>
        <source> that match “%1”</source>
        <translation>, подходящие под «%1»</translation>
    </message>
    <message numerus="yes">
        <source>; %n event(s) ingested.</source>
        <translation>
            <numerusform>; принято %n событие.</numerusform>
            <numerusform>; принято %n события.</numerusform>
            <numerusform>; принято %n событий.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ul::gui::BadRowModel</name>
    <message>
        <source>Not readable</source>
        <translation>Не читается</translation>
    </message>
    <message>
        <source>Malformed</source>
        <translation>Некорректный формат</translation>
    </message>
    <message>
        <source>Refused by the ingest rules</source>
        <translation>Отклонено правилами приёма</translation>
    </message>
    <message>
        <source>Outside the timeframe</source>
        <translation>Вне периода</translation>
    </message>
    <message>
        <source>Another customer</source>
        <translation>Другой клиент</translation>
    </message>
    <message>
        <source>Duplicate key</source>
        <translation>Повторный ключ</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
</context>
<context>
    <name>ul::gui::BulkAmendDialog</name>
    <message numerus="yes">
        <source>Bulk amend %n event(s)</source>
        <translation>
            <numerusform>Массовое исправление: %n событие</numerusform>
            <numerusform>Массовое исправление: %n события</numerusform>
            <numerusform>Массовое исправление: %n событий</numerusform>
        </translation>
    </message>
    <message>
        <source>Set a property</source>
        <translation>Задать свойство</translation>
    </message>
    <message>
        <source>Remove a property</source>
        <translation>Удалить свойство</translation>
    </message>
    <message>
        <source>Rename the event</source>
        <translation>Переименовать событие</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Применить</translation>
    </message>
    <message>
        <source>&amp;Retry failed rows</source>
        <translation>&amp;Повторить неудачные строки</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true или false</translation>
    </message>
    <message>
        <source>Name the property to change.</source>
        <translation>Укажите свойство, которое нужно изменить.</translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation>«%1» — не число.</translation>
    </message>
    <message>
        <source>A boolean is true or false.</source>
        <translation>Логическое значение — true или false.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) will be amended</source>
        <translation>
            <numerusform>Будет исправлено %n событие</numerusform>
            <numerusform>Будет исправлено %n события</numerusform>
            <numerusform>Будет исправлено %n событий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n без изменений</numerusform>
            <numerusform>%n без изменений</numerusform>
            <numerusform>%n без изменений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left out: a rule of the server would refuse them</source>
        <translation>
            <numerusform>%n пропущено: сервер отклонил бы его по своим правилам</numerusform>
            <numerusform>%n пропущено: сервер отклонил бы их по своим правилам</numerusform>
            <numerusform>%n пропущено: сервер отклонил бы их по своим правилам</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Amending %n event(s)</source>
        <translation>
            <numerusform>Исправление %n события</numerusform>
            <numerusform>Исправление %n событий</numerusform>
            <numerusform>Исправление %n событий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending %n failed row(s) again</source>
        <translation>
            <numerusform>Повторная отправка %n неудачной строки</numerusform>
            <numerusform>Повторная отправка %n неудачных строк</numerusform>
            <numerusform>Повторная отправка %n неудачных строк</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1 amended, %2 failed)</source>
        <translation>(исправлено: %1, с ошибкой: %2)</translation>
    </message>
    <message>
        <source>withdrawn before it was sent</source>
        <translation>отозвано до отправки</translation>
    </message>
</context>
<context>
    <name>ul::gui::BulkAmendModel</name>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>unchanged, not sent</source>
        <translation>без изменений, не отправлено</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>пропущено</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>готово</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>в очереди</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>исправлено</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Event id</source>
        <translation>ID события</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
</context>
<context>
    <name>ul::gui::ConnectionStatusLabel</name>
    <message>
        <source>Starting the local sandbox…</source>
        <translation>Запуск локальной песочницы…</translation>
    </message>
    <message>
        <source>%1 · counting customers…</source>
        <translation>%1 · подсчёт клиентов…</translation>
    </message>
    <message>
        <source>The local sandbox did not start: %1</source>
        <translation>Локальная песочница не запустилась: %1</translation>
    </message>
    <message>
        <source>1 customer</source>
        <translation>1 клиент</translation>
    </message>
    <message numerus="yes">
        <source>%n customers</source>
        <translation>
            <numerusform>%n клиент</numerusform>
            <numerusform>%n клиента</numerusform>
            <numerusform>%n клиентов</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · cannot list customers: %2</source>
        <translation>%1 · не удаётся получить список клиентов: %2</translation>
    </message>
    <message>
        <source>Local sandbox · %1</source>
        <translation>Локальная песочница · %1</translation>
    </message>
</context>
<context>
    <name>ul::gui::CorrectionActions</name>
    <message>
        <source>Amend event…</source>
        <translation>Исправить событие…</translation>
    </message>
    <message>
        <source>Bulk amend…</source>
        <translation>Массовое исправление…</translation>
    </message>
    <message>
        <source>Deprecate…</source>
        <translation>Исключить из учёта…</translation>
    </message>
    <message>
        <source>Select the events to correct first.</source>
        <translation>Сначала выберите события для исправления.</translation>
    </message>
</context>
<context>
    <name>ul::gui::CorrectionChecks</name>
    <message>
        <source>no customer</source>
        <translation>без клиента</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>%1: + %2</source>
        <translation>%1: + %2</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>%1 удалено</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>без изменений</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>осталось около %n мин</numerusform>
            <numerusform>осталось около %n мин</numerusform>
            <numerusform>осталось около %n мин</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>осталось около %n с</numerusform>
            <numerusform>осталось около %n с</numerusform>
            <numerusform>осталось около %n с</numerusform>
        </translation>
    </message>
    <message>
        <source> · %1/s · %2</source>
        <translation> · %1/с · %2</translation>
    </message>
    <message>
        <source>Already deprecated: a deprecated event cannot be corrected.</source>
        <translation>Уже исключено из учёта: исключённое событие исправить нельзя.</translation>
    </message>
    <message>
        <source>Not connected yet: corrections can be sent once the profile&apos;s server is connected.</source>
        <translation>Подключения ещё нет: исправления можно будет отправить, когда сервер профиля будет подключён.</translation>
    </message>
    <message numerus="yes">
        <source>Over the limit of %n deprecation(s) per customer</source>
        <translation>
            <numerusform>Превышен лимит в %n исключение из учёта на клиента</numerusform>
            <numerusform>Превышен лимит в %n исключения из учёта на клиента</numerusform>
            <numerusform>Превышен лимит в %n исключений из учёта на клиента</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Over the limit of %n amendment(s) per customer</source>
        <translation>
            <numerusform>Превышен лимит в %n исправление на клиента</numerusform>
            <numerusform>Превышен лимит в %n исправления на клиента</numerusform>
            <numerusform>Превышен лимит в %n исправлений на клиента</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n day(s) for %2; use a backfill instead.</source>
        <translation>
            <numerusform>%1 за %n день для %2; используйте дозагрузку.</numerusform>
            <numerusform>%1 за %n дня для %2; используйте дозагрузку.</numerusform>
            <numerusform>%1 за %n дней для %2; используйте дозагрузку.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ul::gui::CorrectionsHub</name>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>Не удаётся создать папку данных %1.</translation>
    </message>
    <message>
        <source>Cannot create the journal folder %1.</source>
        <translation>Не удаётся создать папку журнала %1.</translation>
    </message>
    <message>
        <source>The correction journal of “%1” cannot be opened: %2</source>
        <translation>Не удаётся открыть журнал исправлений «%1»: %2</translation>
    </message>
    <message>
        <source>Corrections cannot be sent to “%1”: %2</source>
        <translation>Исправления нельзя отправить в «%1»: %2</translation>
    </message>
    <message>
        <source>The ops annotation of a correction was not recorded: %1</source>
        <translation>Аннотация исправления для мониторинга не записана: %1</translation>
    </message>
</context>
<context>
    <name>ul::gui::CorrectionsView</name>
    <message>
        <source>All actions</source>
        <translation>Все действия</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Все результаты</translation>
    </message>
    <message numerus="yes">
        <source>%n correction(s) queued in an earlier session have not been sent to “%1” yet. Send them now, or discard them (their journal entries become cancelled)?</source>
        <translation>
            <numerusform>%n исправление, поставленное в очередь в прошлом сеансе, ещё не отправлено в «%1». Отправить его сейчас или отбросить (его запись в журнале станет отменённой)?</numerusform>
            <numerusform>%n исправления, поставленные в очередь в прошлом сеансе, ещё не отправлены в «%1». Отправить их сейчас или отбросить (их записи в журнале станут отменёнными)?</numerusform>
            <numerusform>%n исправлений, поставленных в очередь в прошлом сеансе, ещё не отправлены в «%1». Отправить их сейчас или отбросить (их записи в журнале станут отменёнными)?</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending: %1</source>
        <translation>Отправка: %1</translation>
    </message>
    <message>
        <source>Nothing waiting to be sent.</source>
        <translation>Нет ничего, ожидающего отправки.</translation>
    </message>
    <message numerus="yes">
        <source>%n correction(s) failed and can be retried.</source>
        <translation>
            <numerusform>%n исправление завершилось ошибкой, его можно повторить.</numerusform>
            <numerusform>%n исправления завершились ошибкой, их можно повторить.</numerusform>
            <numerusform>%n исправлений завершились ошибкой, их можно повторить.</numerusform>
        </translation>
    </message>
    <message>
        <source>(paused)</source>
        <translation>(приостановлено)</translation>
    </message>
    <message>
        <source>Entry #%1 · %2 · %3</source>
        <translation>Запись №%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Operation: %1</source>
        <translation>Операция: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Причина: %1</translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation>Сообщение: %1</translation>
    </message>
    <message>
        <source>Annotation: %1</source>
        <translation>Аннотация: %1</translation>
    </message>
    <message>
        <source>Events: %1</source>
        <translation>События: %1</translation>
    </message>
    <message>
        <source>Before:</source>
        <translation>До:</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>После:</translation>
    </message>
    <message>
        <source>Server&apos;s answer (HTTP %1):</source>
        <translation>Ответ сервера (HTTP %1):</translation>
    </message>
    <message>
        <source>newest %1 of %2 entries</source>
        <translation>последние %1 из %2 записей</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n запись</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записей</numerusform>
        </translation>
    </message>
    <message>
        <source>No failed correction to retry.</source>
        <translation>Нет неудачных исправлений для повтора.</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n failed correction(s) again</source>
        <translation>
            <numerusform>Повторная отправка %n неудачного исправления</numerusform>
            <numerusform>Повторная отправка %n неудачных исправлений</numerusform>
            <numerusform>Повторная отправка %n неудачных исправлений</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to withdraw: corrections being sent cannot be withdrawn.</source>
        <translation>Отзывать нечего: исправления, которые уже отправляются, отозвать нельзя.</translation>
    </message>
    <message>
        <source>The event&apos;s current version could not be read: %1</source>
        <translation>Не удалось прочитать текущую версию события: %1</translation>
    </message>
    <message>
        <source>The server no longer has event %1.</source>
        <translation>На сервере больше нет события %1.</translation>
    </message>
    <message>
        <source>Undo journal entry #%1? Event %2 is amended back to its earlier version:
%3</source>
        <translation>Отменить запись журнала №%1? Событие %2 будет исправлено обратно до прежней версии:
%3</translation>
    </message>
    <message>
        <source>Warning: the event changed on the server since that amendment; those later changes are replaced too.</source>
        <translation>Внимание: после этого исправления событие на сервере менялось; эти более поздние изменения тоже будут заменены.</translation>
    </message>
    <message>
        <source>Undo amendment</source>
        <translation>Отменить исправление</translation>
    </message>
    <message>
        <source>Undoing the amendment of %1</source>
        <translation>Отмена исправления %1</translation>
    </message>
    <message>
        <source>Undo of journal entry #%1</source>
        <translation>Отмена записи журнала №%1</translation>
    </message>
    <message>
        <source>No journal is open.</source>
        <translation>Журнал не открыт.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Не удаётся записать %1: %2</translation>
    </message>
    <message>
        <source>Export the journal</source>
        <translation>Экспорт журнала</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n entries exported.</source>
        <translation>
            <numerusform>Экспортирована %n запись.</numerusform>
            <numerusform>Экспортировано %n записи.</numerusform>
            <numerusform>Экспортировано %n записей.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ul::gui::CreateBackfillWizard</name>
    <message>
        <source>New backfill</source>
        <translation>Новая дозагрузка</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>The import goes on in the background until every event is sent; the Backfills view shows the backfill&apos;s events as they arrive. Close this window?</source>
        <translation>Импорт продолжится в фоне, пока не будут отправлены все события; раздел «Дозагрузки» показывает события дозагрузки по мере поступления. Закрыть это окно?</translation>
    </message>
</context>
<context>
    <name>ul::gui::CustomerCounter</name>
    <message>
        <source>the server answered HTTP %1</source>
        <translation>сервер ответил HTTP %1</translation>
    </message>
    <message>
        <source>the server answered HTTP %1: %2</source>
        <translation>сервер ответил HTTP %1: %2</translation>
    </message>
    <message>
        <source>the server&apos;s answer is not a list of customers</source>
        <translation>ответ сервера — не список клиентов</translation>
    </message>
</context>
<context>
    <name>ul::gui::DeprecateDialog</name>
    <message numerus="yes">
        <source>%n event(s) would be refused by the server and will not be sent:</source>
        <translation>
            <numerusform>%n событие сервер отклонил бы, оно не будет отправлено:</numerusform>
            <numerusform>%n события сервер отклонил бы, они не будут отправлены:</numerusform>
            <numerusform>%n событий сервер отклонил бы, они не будут отправлены:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Deprecate %n event(s)</source>
        <translation>
            <numerusform>&amp;Исключить из учёта %n событие</numerusform>
            <numerusform>&amp;Исключить из учёта %n события</numerusform>
            <numerusform>&amp;Исключить из учёта %n событий</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;None of the selected events can be deprecated.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ни одно из выбранных событий нельзя исключить из учёта.&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n событие</numerusform>
            <numerusform>%n события</numerusform>
            <numerusform>%n событий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n клиента</numerusform>
            <numerusform>%n клиентов</numerusform>
            <numerusform>%n клиентов</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Deprecate %1 of %2?&lt;/b&gt;</source>
        <translation>&lt;b&gt;Исключить из учёта %1 у %2?&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Deprecation cannot be undone: the server ignores these events for billing from now on, and refuses to ingest their ids again.</source>
        <translation>Исключение из учёта нельзя отменить: с этого момента сервер не учитывает эти события в биллинге и не примет их ID повторно.</translation>
    </message>
    <message numerus="yes">
        <source>Deprecating %n event(s)</source>
        <translation>
            <numerusform>Исключение из учёта %n события</numerusform>
            <numerusform>Исключение из учёта %n событий</numerusform>
            <numerusform>Исключение из учёта %n событий</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ul::gui::EmbeddedSandbox</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>не удаётся создать папку %1</translation>
    </message>
</context>
<context>
    <name>ul::gui::EventDetailPane</name>
    <message>
        <source>text</source>
        <translation>текст</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>целое</translation>
    </message>
    <message>
        <source>number</source>
        <translation>число</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>логическое</translation>
    </message>
    <message>
        <source>ingested</source>
        <translation>принято</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>исправлено</translation>
    </message>
    <message>
        <source>deprecated</source>
        <translation>исключено</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Deprecated: no longer counts towards usage or invoices</source>
        <translation>Исключено из учёта: больше не учитывается в потреблении и счетах</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активно</translation>
    </message>
    <message>
        <source>Not connected to a server.</source>
        <translation>Нет подключения к серверу.</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Загрузка истории…</translation>
    </message>
    <message>
        <source>History is not available on this server.</source>
        <translation>На этом сервере история недоступна.</translation>
    </message>
    <message>
        <source>The history could not be loaded: %1</source>
        <translation>Не удалось загрузить историю: %1</translation>
    </message>
    <message>
        <source>1 version: never amended.</source>
        <translation>1 версия: событие не исправлялось.</translation>
    </message>
    <message numerus="yes">
        <source>%n versions; select one to see it.</source>
        <translation>
            <numerusform>%n версия; выберите версию, чтобы её увидеть.</numerusform>
            <numerusform>%n версии; выберите версию, чтобы её увидеть.</numerusform>
            <numerusform>%n версий; выберите версию, чтобы её увидеть.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ul::gui::EventExport</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
</context>
<context>
    <name>ul::gui::EventTableModel</name>
    <message>
        <source>deprecated</source>
        <translation>исключено</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Event name</source>
        <translation>Название события</translation>
    </message>
    <message>
        <source>Customer id</source>
        <translation>ID клиента</translation>
    </message>
    <message>
        <source>External customer id</source>
        <translation>Внешний ID клиента</translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation>Исключено</translation>
    </message>
    <message>
        <source>Property “%1”. Right-click the header to show or hide columns.</source>
        <translation>Свойство «%1». Щёлкните заголовок правой кнопкой, чтобы показать или скрыть столбцы.</translation>
    </message>
    <message>
        <source>Right-click the header to show or hide columns.</source>
        <translation>Щёлкните заголовок правой кнопкой, чтобы показать или скрыть столбцы.</translation>
    </message>
    <message>
        <source>Timestamp (%1)</source>
        <translation>Метка времени (%1)</translation>
    </message>
</context>
<context>
    <name>ul::gui::EventsView</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n с</numerusform>
            <numerusform>%n с</numerusform>
            <numerusform>%n с</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 мин %2 с</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <source>deprecated</source>
        <translation>исключено</translation>
    </message>
    <message>
        <source>Last 7 days (Orb&apos;s default)</source>
        <translation>Последние 7 дней (по умолчанию в Orb)</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Последние 24 часа</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Последние 30 дней</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Свой интервал</translation>
    </message>
    <message>
        <source>Run lookup</source>
        <translation>Запустить поиск</translation>
    </message>
    <message>
        <source>Cancel lookup</source>
        <translation>Остановить поиск</translation>
    </message>
    <message>
        <source>Filter results</source>
        <translation>Фильтр результатов</translation>
    </message>
    <message>
        <source>Edit ids</source>
        <translation>Изменить ID</translation>
    </message>
    <message>
        <source>Next result</source>
        <translation>Следующий результат</translation>
    </message>
    <message>
        <source>Previous result</source>
        <translation>Предыдущий результат</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Показать подробности</translation>
    </message>
    <message>
        <source>Copy ids</source>
        <translation>Копировать ID</translation>
    </message>
    <message>
        <source>Copy rows as JSON</source>
        <translation>Копировать строки как JSON</translation>
    </message>
    <message>
        <source>Export results…</source>
        <translation>Экспорт результатов…</translation>
    </message>
    <message>
        <source>Counting ids…</source>
        <translation>Подсчёт ID…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln ids</source>
        <translation>
            <numerusform>%Ln ID</numerusform>
            <numerusform>%Ln ID</numerusform>
            <numerusform>%Ln ID</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste or type at least one event id, then run the lookup.</source>
        <translation>Вставьте или введите хотя бы один ID события, затем запустите поиск.</translation>
    </message>
    <message>
        <source>Loading ids…</source>
        <translation>Загрузка ID…</translation>
    </message>
    <message>
        <source>No event ids found in %1.</source>
        <translation>В %1 не найдено ни одного ID события.</translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n файла</numerusform>
            <numerusform>%n файлов</numerusform>
            <numerusform>%n файлов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %Ln ids from %1. Press Enter to look them up.</source>
        <translation>
            <numerusform>Загружен %Ln ID из %1. Нажмите Enter, чтобы найти его.</numerusform>
            <numerusform>Загружено %Ln ID из %1. Нажмите Enter, чтобы найти их.</numerusform>
            <numerusform>Загружено %Ln ID из %1. Нажмите Enter, чтобы найти их.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %Ln ids, but some files could not be read: %1</source>
        <translation>
            <numerusform>Загружен %Ln ID, но некоторые файлы прочитать не удалось: %1</numerusform>
            <numerusform>Загружено %Ln ID, но некоторые файлы прочитать не удалось: %1</numerusform>
            <numerusform>Загружено %Ln ID, но некоторые файлы прочитать не удалось: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Orb searches the last 7 days unless told otherwise; older events need a wider timeframe.</source>
        <translation>Если не указано иное, Orb ищет за последние 7 дней; для более старых событий нужен более широкий период.</translation>
    </message>
    <message>
        <source>Up to now, in UTC.</source>
        <translation>До текущего момента, в UTC.</translation>
    </message>
    <message>
        <source>Every event, whatever its timestamp.</source>
        <translation>Все события, с любой меткой времени.</translation>
    </message>
    <message>
        <source>From is inclusive, To is exclusive; both in UTC.</source>
        <translation>«С» — включительно, «По» — не включая; оба в UTC.</translation>
    </message>
    <message>
        <source>Not connected to a server yet: the lookup can run once the connection is up.</source>
        <translation>Подключения к серверу ещё нет: поиск можно будет запустить, когда оно установится.</translation>
    </message>
    <message>
        <source>The end of the timeframe must be after its start.</source>
        <translation>Конец периода должен быть позже его начала.</translation>
    </message>
    <message>
        <source>%1 / %2 ids</source>
        <translation>%1 / %2 ID</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <source>%1 ids/s</source>
        <translation>%1 ID/с</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>осталось около %1</translation>
    </message>
    <message numerus="yes">
        <source>Found %1 of %Ln ids</source>
        <translation>
            <numerusform>Найдено %1 из %Ln ID</numerusform>
            <numerusform>Найдено %1 из %Ln ID</numerusform>
            <numerusform>Найдено %1 из %Ln ID</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 not found</source>
        <translation>не найдено: %1</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>с ошибкой: %1</translation>
    </message>
    <message>
        <source>%1 not looked up</source>
        <translation>не искали: %1</translation>
    </message>
    <message>
        <source>in %1 ms</source>
        <translation>за %1 мс</translation>
    </message>
    <message>
        <source>in %1 s</source>
        <translation>за %1 с</translation>
    </message>
    <message>
        <source>The table still shows the results of the previous lookup.</source>
        <translation>В таблице по-прежнему результаты предыдущего поиска.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln ids could not be looked up: </source>
        <translation>
            <numerusform>Не удалось найти %Ln ID: </numerusform>
            <numerusform>Не удалось найти %Ln ID: </numerusform>
            <numerusform>Не удалось найти %Ln ID: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(and %n other errors)</source>
        <translation>
            <numerusform>(и ещё %n ошибка)</numerusform>
            <numerusform>(и ещё %n ошибки)</numerusform>
            <numerusform>(и ещё %n ошибок)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more were not looked up: the lookup was cancelled.</source>
        <translation>
            <numerusform>Ещё %Ln ID не искали: поиск был остановлен.</numerusform>
            <numerusform>Ещё %Ln ID не искали: поиск был остановлен.</numerusform>
            <numerusform>Ещё %Ln ID не искали: поиск был остановлен.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retry %Ln ids</source>
        <translation>
            <numerusform>Повторить для %Ln ID</numerusform>
            <numerusform>Повторить для %Ln ID</numerusform>
            <numerusform>Повторить для %Ln ID</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lookup cancelled: %Ln ids were not looked up.</source>
        <translation>
            <numerusform>Поиск остановлен: %Ln ID не искали.</numerusform>
            <numerusform>Поиск остановлен: %Ln ID не искали.</numerusform>
            <numerusform>Поиск остановлен: %Ln ID не искали.</numerusform>
        </translation>
    </message>
    <message>
        <source>Look them up</source>
        <translation>Найти их</translation>
    </message>
    <message>
        <source>Look up the ids on the server (Enter in the ids box, or Ctrl+Enter)</source>
        <translation>Найти ID на сервере (Enter в поле ID или Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Not connected to a server yet</source>
        <translation>Подключения к серверу ещё нет</translation>
    </message>
    <message numerus="yes">
        <source>%Ln ids not found</source>
        <translation>
            <numerusform>Не найдено: %Ln ID</numerusform>
            <numerusform>Не найдено: %Ln ID</numerusform>
            <numerusform>Не найдено: %Ln ID</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln events</source>
        <translation>
            <numerusform>%Ln событие</numerusform>
            <numerusform>%Ln события</numerusform>
            <numerusform>%Ln событий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln events</source>
        <translation>
            <numerusform>%1 из %Ln события</numerusform>
            <numerusform>%1 из %Ln событий</numerusform>
            <numerusform>%1 из %Ln событий</numerusform>
        </translation>
    </message>
    <message>
        <source>No events found</source>
        <translation>События не найдены</translation>
    </message>
    <message>
        <source>The server knows none of these ids.</source>
        <translation>Сервер не знает ни одного из этих ID.</translation>
    </message>
    <message>
        <source>None of the ids was found in this timeframe. Older events need a wider one: try “All time”.</source>
        <translation>Ни один ID не найден в этом периоде. Для более старых событий нужен более широкий период: попробуйте «За всё время».</translation>
    </message>
    <message>
        <source>There are no results to export.</source>
        <translation>Нет результатов для экспорта.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln events to %1.</source>
        <translation>
            <numerusform>%Ln событие экспортировано в %1.</numerusform>
            <numerusform>%Ln события экспортированы в %1.</numerusform>
            <numerusform>%Ln событий экспортированы в %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>Экспорт результатов</translation>
    </message>
</context>
<context>
    <name>ul::gui::HeaderStateKeeper</name>
    <message>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <source>Show all columns</source>
        <translation>Показать все столбцы</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>Сбросить столбцы</translation>
    </message>
    <message>
        <source>Show every column with its default width, in the default order</source>
        <translation>Показать все столбцы со стандартной шириной в стандартном порядке</translation>
    </message>
</context>
<context>
    <name>ul::gui::IdsFile</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 не существует.</translation>
    </message>
    <message>
        <source>%1 is a folder; drop a text file of event ids.</source>
        <translation>%1 — папка; перетащите текстовый файл с ID событий.</translation>
    </message>
    <message>
        <source>%1 is too large (%2); files of ids up to %3 can be loaded.</source>
        <translation>%1 слишком большой (%2); загружать можно файлы с ID размером до %3.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Не удалось прочитать %1: %2</translation>
    </message>
    <message>
        <source>%1 is too large; files of ids up to %2 can be loaded.</source>
        <translation>%1 слишком большой; загружать можно файлы с ID размером до %2.</translation>
    </message>
    <message>
        <source>%1 is not a text file.</source>
        <translation>%1 — не текстовый файл.</translation>
    </message>
    <message>
        <source>%1 is not a text file in UTF-8 or UTF-16.</source>
        <translation>%1 — не текстовый файл в UTF-8 или UTF-16.</translation>
    </message>
</context>
<context>
    <name>ul::gui::ImportDryRunPage</name>
    <message>
        <source>Create and import</source>
        <translation>Создать и импортировать</translation>
    </message>
    <message numerus="yes">
        <source>Reading the file… %n row(s) so far.</source>
        <translation>
            <numerusform>Чтение файла… Пока прочитана %n строка.</numerusform>
            <numerusform>Чтение файла… Пока прочитано %n строки.</numerusform>
            <numerusform>Чтение файла… Пока прочитано %n строк.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Чтение файла…</translation>
    </message>
    <message>
        <source>not connected to a server</source>
        <translation>нет подключения к серверу</translation>
    </message>
    <message>
        <source>The file cannot be imported: %1</source>
        <translation>Файл нельзя импортировать: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read.</source>
        <translation>
            <numerusform>Прочитана %n строка.</numerusform>
            <numerusform>Прочитано %n строки.</numerusform>
            <numerusform>Прочитано %n строк.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) will be imported</source>
        <translation>
            <numerusform>Будет импортировано %n событие</numerusform>
            <numerusform>Будет импортировано %n события</numerusform>
            <numerusform>Будет импортировано %n событий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, for %n customer(s)</source>
        <translation>
            <numerusform>, для %n клиента</numerusform>
            <numerusform>, для %n клиентов</numerusform>
            <numerusform>, для %n клиентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, touching %n hour(s)</source>
        <translation>
            <numerusform>, затрагивая %n час</numerusform>
            <numerusform>, затрагивая %n часа</numerusform>
            <numerusform>, затрагивая %n часов</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 – %2 %3)</source>
        <translation> (%1 – %2 %3)</translation>
    </message>
    <message>
        <source>Not imported: %1 with a duplicate key, %2 outside the timeframe, %3 for another customer, %4 failing validation (%5 unreadable, %6 malformed, %7 refused by the ingest rules).</source>
        <translation>Не импортируется: с повторным ключом — %1, вне периода — %2, для другого клиента — %3, не прошли проверку — %4 (не читаются — %5, некорректный формат — %6, отклонены правилами приёма — %7).</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) without an idempotency key get one made from the file and the line, so importing again never duplicates them.</source>
        <translation>
            <numerusform>%n строка без ключа идемпотентности получает ключ, построенный из файла и номера строки, поэтому повторный импорт её не продублирует.</numerusform>
            <numerusform>%n строки без ключа идемпотентности получают ключ, построенный из файла и номера строки, поэтому повторный импорт их не продублирует.</numerusform>
            <numerusform>%n строк без ключа идемпотентности получают ключ, построенный из файла и номера строки, поэтому повторный импорт их не продублирует.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to import.</source>
        <translation>Импортировать нечего.</translation>
    </message>
    <message>
        <source>The server&apos;s event volume could not be loaded: %1</source>
        <translation>Не удалось загрузить объём событий с сервера: %1</translation>
    </message>
    <message>
        <source>Not connected to a server: the backfill cannot be created now.</source>
        <translation>Нет подключения к серверу: сейчас дозагрузку создать нельзя.</translation>
    </message>
    <message>
        <source>On the server now</source>
        <translation>На сервере сейчас</translation>
    </message>
    <message>
        <source>In this file</source>
        <translation>В этом файле</translation>
    </message>
    <message>
        <source>After closing</source>
        <translation>После закрытия</translation>
    </message>
    <message>
        <source>Added to the existing events: after closing, each hour counts both.</source>
        <translation>Добавляется к имеющимся событиям: после закрытия в каждом часе учитываются и те и другие.</translation>
    </message>
    <message>
        <source>Replaces every event of the timeframe: after closing, each hour counts only the file&apos;s events.</source>
        <translation>Заменяет все события периода: после закрытия в каждом часе учитываются только события файла.</translation>
    </message>
    <message>
        <source>Replaces only some existing events (one customer or a filter): after closing, each hour counts the file&apos;s events plus the existing events that are not replaced.</source>
        <translation>Заменяет только часть имеющихся событий (одного клиента или по фильтру): после закрытия в каждом часе учитываются события файла и незаменённые имеющиеся события.</translation>
    </message>
    <message>
        <source>The server&apos;s counts are missing: %1</source>
        <translation>Нет количеств с сервера: %1</translation>
    </message>
    <message numerus="yes">
        <source>Create a backfill for %1 and import %n event(s) into it?</source>
        <translation>
            <numerusform>Создать дозагрузку для %1 и импортировать в неё %n событие?</numerusform>
            <numerusform>Создать дозагрузку для %1 и импортировать в неё %n события?</numerusform>
            <numerusform>Создать дозагрузку для %1 и импортировать в неё %n событий?</numerusform>
        </translation>
    </message>
    <message>
        <source>Once closed, its events are added to the existing ones.</source>
        <translation>После закрытия её события добавятся к имеющимся.</translation>
    </message>
    <message>
        <source>Once closed, its events replace the existing ones that match “%1”.</source>
        <translation>После закрытия её события заменят имеющиеся, подходящие под «%1».</translation>
    </message>
    <message>
        <source>Once closed, its events replace every existing one.</source>
        <translation>После закрытия её события заменят все имеющиеся.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of the file are not imported.</source>
        <translation>
            <numerusform>%n строка файла не импортируется.</numerusform>
            <numerusform>%n строки файла не импортируются.</numerusform>
            <numerusform>%n строк файла не импортируются.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing counts for billing until you close the backfill; you can revert it.</source>
        <translation>Пока вы не закроете дозагрузку, ничего не учитывается в биллинге; её можно откатить.</translation>
    </message>
    <message>
        <source>Create backfill</source>
        <translation>Создание дозагрузки</translation>
    </message>
    <message numerus="yes">
        <source>Creating a backfill and importing %n event(s)</source>
        <translation>
            <numerusform>Создание дозагрузки и импорт %n события</numerusform>
            <numerusform>Создание дозагрузки и импорт %n событий</numerusform>
            <numerusform>Создание дозагрузки и импорт %n событий</numerusform>
        </translation>
    </message>
    <message>
        <source>Export bad rows</source>
        <translation>Экспорт ошибочных строк</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>ul::gui::ImportFilePage</name>
    <message>
        <source>There is no readable file at %1.</source>
        <translation>По пути %1 нет читаемого файла.</translation>
    </message>
    <message>
        <source>%1, last changed %2.</source>
        <translation>%1, последнее изменение %2.</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>Файл для импорта</translation>
    </message>
    <message>
        <source>Events (*.jsonl *.ndjson *.csv);;All files (*)</source>
        <translation>События (*.jsonl *.ndjson *.csv);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>ul::gui::ImportMappingPage</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Содержит</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
</context>
<context>
    <name>ul::gui::ImportProgressPage</name>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>осталось около %n с</numerusform>
            <numerusform>осталось около %n с</numerusform>
            <numerusform>осталось около %n с</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 min %2 s left</source>
        <translation>осталось около %1 мин %2 с</translation>
    </message>
    <message>
        <source>The server did not create the backfill: %1</source>
        <translation>Сервер не создал дозагрузку: %1</translation>
    </message>
    <message>
        <source>Creating the backfill…</source>
        <translation>Создание дозагрузки…</translation>
    </message>
    <message>
        <source>Could not create the backfill: %1</source>
        <translation>Не удалось создать дозагрузку: %1</translation>
    </message>
    <message>
        <source>The outbox closed before the import could start.</source>
        <translation>Очередь отправки закрылась до начала импорта.</translation>
    </message>
    <message>
        <source>Import of %1 into backfill %2</source>
        <translation>Импорт %1 в дозагрузку %2</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n event(s) are in backfill %1</source>
        <translation>
            <numerusform>Готово: в дозагрузке %1 — %n событие</numerusform>
            <numerusform>Готово: в дозагрузке %1 — %n события</numerusform>
            <numerusform>Готово: в дозагрузке %1 — %n событий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n event(s) were refused and stay in the outbox for retry</source>
        <translation>
            <numerusform>; %n событие отклонено и остаётся в очереди отправки для повтора</numerusform>
            <numerusform>; %n события отклонены и остаются в очереди отправки для повтора</numerusform>
            <numerusform>; %n событий отклонены и остаются в очереди отправки для повтора</numerusform>
        </translation>
    </message>
    <message>
        <source>. Check the volume, then close the backfill in the Backfills view.</source>
        <translation>. Проверьте объём, затем закройте дозагрузку в разделе «Дозагрузки».</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n event(s) had been sent; they stay in the pending backfill (revert it to discard them).</source>
        <translation>
            <numerusform>Прервано: %n событие уже отправлено и остаётся в открытой дозагрузке (откатите её, чтобы отбросить его).</numerusform>
            <numerusform>Прервано: %n события уже отправлены и остаются в открытой дозагрузке (откатите её, чтобы отбросить их).</numerusform>
            <numerusform>Прервано: %n событий уже отправлены и остаются в открытой дозагрузке (откатите её, чтобы отбросить их).</numerusform>
        </translation>
    </message>
    <message>
        <source>The import stopped: %1</source>
        <translation>Импорт остановлен: %1</translation>
    </message>
    <message>
        <source>Backfill %1 created; importing %2…</source>
        <translation>Дозагрузка %1 создана; импорт %2…</translation>
    </message>
    <message>
        <source>%1 events/s · %2 queued · %3 confirmed · %4 not imported</source>
        <translation>%1 событий/с · в очереди: %2 · подтверждено: %3 · не импортировано: %4</translation>
    </message>
    <message>
        <source>Paused: nothing more is sent until you resume.</source>
        <translation>Пауза: пока вы не продолжите, ничего не отправляется.</translation>
    </message>
</context>
<context>
    <name>ul::gui::JournalTableModel</name>
    <message>
        <source>pending</source>
        <translation>ожидает</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>выполнено</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>%1 (undo of #%2)</source>
        <translation>%1 (отмена №%2)</translation>
    </message>
    <message>
        <source>%1 (retry of #%2)</source>
        <translation>%1 (повтор №%2)</translation>
    </message>
    <message>
        <source>%1, undone by #%2</source>
        <translation>%1, отменено записью №%2</translation>
    </message>
    <message>
        <source>%1, final</source>
        <translation>%1, окончательно</translation>
    </message>
    <message numerus="yes">
        <source>%1, … (%n event(s))</source>
        <translation>
            <numerusform>%1, … (%n событие)</numerusform>
            <numerusform>%1, … (%n события)</numerusform>
            <numerusform>%1, … (%n событий)</numerusform>
        </translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation>Время (%1)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>Статус HTTP</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Запись</translation>
    </message>
</context>
<context>
    <name>ul::gui::MainWindow</name>
    <message>
        <source>&lt;h3&gt;UsageLens %1&lt;/h3&gt;&lt;p&gt;Inspect and correct usage events in an Orb-compatible usage-billing API.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;&lt;p&gt;Licensed under the %4.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;UsageLens %1&lt;/h3&gt;&lt;p&gt;Просмотр и исправление событий использования в API биллинга по потреблению, совместимом с Orb.&lt;/p&gt;&lt;p&gt;Собрано с Qt %2, работает на Qt %3.&lt;/p&gt;&lt;p&gt;Распространяется по лицензии: %4.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About UsageLens</source>
        <translation>О программе UsageLens</translation>
    </message>
    <message>
        <source>%1 Open Settings to enter the API token.</source>
        <translation>%1 Откройте настройки, чтобы ввести токен API.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Профиль:</translation>
    </message>
    <message>
        <source>Local workspace</source>
        <translation>Локальная рабочая область</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n event(s) done.</source>
        <translation>
            <numerusform>%1: готово %n событие.</numerusform>
            <numerusform>%1: готово %n события.</numerusform>
            <numerusform>%1: готово %n событий.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 done, %3 failed (see Corrections).</source>
        <translation>%1: готово — %2, с ошибкой — %3 (см. «Исправления»).</translation>
    </message>
    <message>
        <source>Event &amp;volume</source>
        <translation>&amp;Объём событий</translation>
    </message>
</context>
<context>
    <name>ul::gui::ProductionBanner</name>
    <message>
        <source>PRODUCTION — %1</source>
        <translation>ПРОДАКШЕН — %1</translation>
    </message>
    <message>
        <source>Production profile %1: every write must be confirmed</source>
        <translation>Профиль продакшена %1: каждую запись нужно подтверждать</translation>
    </message>
    <message>
        <source>You are connected to a production server. Every write asks you to type the profile name.</source>
        <translation>Вы подключены к рабочему серверу (продакшен). Для каждой записи нужно ввести имя профиля.</translation>
    </message>
</context>
<context>
    <name>ul::gui::ProductionConfirmDialog</name>
    <message>
        <source>This change</source>
        <translation>Это изменение</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1 goes to the production server “%2”.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Mistakes there cost real money. Type the profile name, &lt;b&gt;%2&lt;/b&gt;, to confirm.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1 будет отправлено на рабочий сервер «%2».&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Ошибки там стоят реальных денег. Для подтверждения введите имя профиля: &lt;b&gt;%2&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Write to production</source>
        <translation>Записать в продакшен</translation>
    </message>
</context>
<context>
    <name>ul::gui::ProfileListModel</name>
    <message>
        <source>%1 — production</source>
        <translation>%1 — продакшен</translation>
    </message>
    <message>
        <source>The embedded sandbox on this computer</source>
        <translation>Встроенная песочница на этом компьютере</translation>
    </message>
</context>
<context>
    <name>ul::gui::ProfileSwitcher</name>
    <message>
        <source>Connection profile</source>
        <translation>Профиль подключения</translation>
    </message>
    <message>
        <source>The connection profile every view works on</source>
        <translation>Профиль подключения, с которым работают все разделы</translation>
    </message>
</context>
<context>
    <name>ul::gui::PropertyTableModel</name>
    <message>
        <source>text</source>
        <translation>текст</translation>
    </message>
    <message>
        <source>number</source>
        <translation>число</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>логическое</translation>
    </message>
    <message>
        <source>Row %1: the key must not be empty.</source>
        <translation>Строка %1: ключ не может быть пустым.</translation>
    </message>
    <message>
        <source>“%1”: the key must not start or end with spaces.</source>
        <translation>«%1»: ключ не должен начинаться или заканчиваться пробелами.</translation>
    </message>
    <message>
        <source>“%1”: the key is used twice.</source>
        <translation>«%1»: ключ используется дважды.</translation>
    </message>
    <message>
        <source>“%1”: “%2” is not a number.</source>
        <translation>«%1»: «%2» — не число.</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Свойство</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
</context>
<context>
    <name>ul::gui::SettingsDialog</name>
    <message>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Orb-compatible server</source>
        <translation>Сервер, совместимый с Orb</translation>
    </message>
    <message>
        <source>Local sandbox (embedded)</source>
        <translation>Локальная песочница (встроенная)</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Местное время</translation>
    </message>
    <message>
        <source>Follow the platform</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Удалить профиль</translation>
    </message>
    <message>
        <source>Chosen when the sandbox starts</source>
        <translation>Выбирается при запуске песочницы</translation>
    </message>
    <message>
        <source>Made anew each time the sandbox starts</source>
        <translation>Создаётся заново при каждом запуске песочницы</translation>
    </message>
    <message>
        <source>Reading from the keychain…</source>
        <translation>Чтение из хранилища ключей…</translation>
    </message>
    <message>
        <source>Paste the API token</source>
        <translation>Вставьте токен API</translation>
    </message>
    <message>
        <source>The embedded sandbox makes a new token each time it starts; nothing is stored.</source>
        <translation>Встроенная песочница создаёт новый токен при каждом запуске; ничего не сохраняется.</translation>
    </message>
    <message>
        <source>Reading the token from the keychain…</source>
        <translation>Чтение токена из хранилища ключей…</translation>
    </message>
    <message>
        <source>No keychain is reachable (%1). Tokens you enter are kept for this run only, unless you choose on the General page to store them in a file.</source>
        <translation>Хранилище ключей недоступно (%1). Введённые токены хранятся только до закрытия программы, если на странице «Общие» не выбрано хранение в файле.</translation>
    </message>
    <message>
        <source>Tokens are kept in the system keychain, never in settings files.</source>
        <translation>Токены хранятся в системном хранилище ключей и никогда — в файлах настроек.</translation>
    </message>
    <message>
        <source>Profile colour</source>
        <translation>Цвет профиля</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Новый профиль</translation>
    </message>
    <message>
        <source>New profile (%1)</source>
        <translation>Новый профиль (%1)</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (копия)</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1 (копия %2)</translation>
    </message>
    <message>
        <source>The embedded sandbox is not running yet.</source>
        <translation>Встроенная песочница ещё не запущена.</translation>
    </message>
    <message>
        <source>Enter the API token first.</source>
        <translation>Сначала введите токен API.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <source>Connected: %1 accepted the token.</source>
        <translation>Подключено: %1 принял токен.</translation>
    </message>
    <message>
        <source>“%1” has a problem: %2</source>
        <translation>В профиле «%1» ошибка: %2</translation>
    </message>
    <message>
        <source>“%1” was not saved: %2</source>
        <translation>Профиль «%1» не сохранён: %2</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
</context>
<context>
    <name>ul::gui::TimeDisplay</name>
    <message>
        <source>local time</source>
        <translation>местное время</translation>
    </message>
</context>
<context>
    <name>ul::gui::UnfinishedImportsBar</name>
    <message>
        <source>Unfinished imports cannot be read from the outbox: %1</source>
        <translation>Не удаётся прочитать незавершённые импорты из очереди отправки: %1</translation>
    </message>
    <message numerus="yes">
        <source>The import of %1 is finished: %n event(s) confirmed by the server.</source>
        <translation>
            <numerusform>Импорт %1 завершён: сервер подтвердил %n событие.</numerusform>
            <numerusform>Импорт %1 завершён: сервер подтвердил %n события.</numerusform>
            <numerusform>Импорт %1 завершён: сервер подтвердил %n событий.</numerusform>
        </translation>
    </message>
    <message>
        <source>The import of %1 was cancelled.</source>
        <translation>Импорт %1 отменён.</translation>
    </message>
    <message>
        <source>The import of %1 stopped: %2</source>
        <translation>Импорт %1 остановлен: %2</translation>
    </message>
    <message>
        <source>Resuming the import of %1…</source>
        <translation>Продолжение импорта %1…</translation>
    </message>
    <message>
        <source>The unfinished import cannot be forgotten: %1</source>
        <translation>Не удаётся отказаться от незавершённого импорта: %1</translation>
    </message>
    <message>
        <source>Importing %1: %2 of the file read, %3 events confirmed, %4 events/s.</source>
        <translation>Импорт %1: прочитано %2 файла, подтверждено событий: %3, %4 событий/с.</translation>
    </message>
    <message>
        <source>&amp;Resume import</source>
        <translation>&amp;Продолжить импорт</translation>
    </message>
    <message>
        <source>Continue after the last row the earlier session queued; nothing is sent twice</source>
        <translation>Продолжить после последней строки, поставленной в очередь в прошлом сеансе; ничего не будет отправлено дважды</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>&amp;Забыть</translation>
    </message>
    <message>
        <source>Do not continue this import (what it already queued stays in the outbox)</source>
        <translation>Не продолжать этот импорт (то, что уже в очереди отправки, там и останется)</translation>
    </message>
    <message>
        <source>The import of %1 stopped after line %2 when the app was closed.</source>
        <translation>Импорт %1 остановился после строки %2, когда приложение было закрыто.</translation>
    </message>
    <message>
        <source>The import of %1 into backfill %2 stopped after line %3 when the app was closed.</source>
        <translation>Импорт %1 в дозагрузку %2 остановился после строки %3, когда приложение было закрыто.</translation>
    </message>
</context>
<context>
    <name>ul::gui::VolumeChart</name>
    <message>
        <source>Hour (%1)</source>
        <translation>Час (%1)</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>%1 – %2 %3</source>
        <translation>%1 – %2 %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ul::gui::VolumeModel</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Не удаётся записать %1: %2</translation>
    </message>
    <message>
        <source>Hour from (%1)</source>
        <translation>Час с (%1)</translation>
    </message>
    <message>
        <source>Until (%1)</source>
        <translation>До (%1)</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
</context>
<context>
    <name>ul::gui::VolumeView</name>
    <message>
        <source>Loading… %1 of %2 hours</source>
        <translation>Загрузка… %1 из %2 ч</translation>
    </message>
    <message>
        <source>Could not load the event volume: %1</source>
        <translation>Не удалось загрузить объём событий: %1</translation>
    </message>
    <message>
        <source>Not connected to a server.</source>
        <translation>Нет подключения к серверу.</translation>
    </message>
    <message>
        <source>The end of the range must be after its start.</source>
        <translation>Конец интервала должен быть позже начала.</translation>
    </message>
    <message>
        <source>Choose at most a year.</source>
        <translation>Выберите не больше года.</translation>
    </message>
    <message>
        <source>Events counted</source>
        <translation>Учтено событий</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) counted for billing</source>
        <translation>
            <numerusform>%n событие учтено в биллинге</numerusform>
            <numerusform>%n события учтены в биллинге</numerusform>
            <numerusform>%n событий учтены в биллинге</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> in %n hour(s). Wheel or drag to zoom, middle-drag or arrow keys to pan; hover for exact counts.</source>
        <translation>
            <numerusform> за %n час. Колесо или перетаскивание — масштаб, перетаскивание средней кнопкой или стрелки — сдвиг; наведите курсор, чтобы увидеть точные значения.</numerusform>
            <numerusform> за %n часа. Колесо или перетаскивание — масштаб, перетаскивание средней кнопкой или стрелки — сдвиг; наведите курсор, чтобы увидеть точные значения.</numerusform>
            <numerusform> за %n часов. Колесо или перетаскивание — масштаб, перетаскивание средней кнопкой или стрелки — сдвиг; наведите курсор, чтобы увидеть точные значения.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export event volume</source>
        <translation>Экспорт объёма событий</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n hour(s) to %1.</source>
        <translation>
            <numerusform>Сохранён %n час в %1.</numerusform>
            <numerusform>Сохранено %n часа в %1.</numerusform>
            <numerusform>Сохранено %n часов в %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ul::gui::WebhookListModel</name>
    <message>
        <source>Failed delivery tries in the last 24 hours</source>
        <translation>Неудачные попытки доставки за последние 24 часа</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Подписки</translation>
    </message>
    <message>
        <source>Failures (24 h)</source>
        <translation>Ошибки (24 ч)</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>ul::gui::WebhooksDialog</name>
    <message>
        <source>Not connected to a server.</source>
        <translation>Нет подключения к серверу.</translation>
    </message>
    <message>
        <source>Loading webhooks…</source>
        <translation>Загрузка вебхуков…</translation>
    </message>
    <message>
        <source>Loading webhooks failed: %1</source>
        <translation>Не удалось загрузить вебхуки: %1</translation>
    </message>
    <message>
        <source>No webhooks yet.</source>
        <translation>Вебхуков пока нет.</translation>
    </message>
    <message numerus="yes">
        <source>%n webhook(s).</source>
        <translation>
            <numerusform>%n вебхук.</numerusform>
            <numerusform>%n вебхука.</numerusform>
            <numerusform>%n вебхуков.</numerusform>
        </translation>
    </message>
    <message>
        <source>The URL must be an absolute http or https URL, such as https://billing.example.com/hooks.</source>
        <translation>URL должен быть абсолютным адресом http или https, например https://billing.example.com/hooks.</translation>
    </message>
    <message>
        <source>Choose at least one subscription.</source>
        <translation>Выберите хотя бы одну подписку.</translation>
    </message>
    <message>
        <source>Adding the webhook…</source>
        <translation>Добавление вебхука…</translation>
    </message>
    <message>
        <source>The webhook was not added: %1</source>
        <translation>Вебхук не добавлен: %1</translation>
    </message>
    <message>
        <source>Added %1. Copy its signing secret now: it is not shown again.</source>
        <translation>Добавлен %1. Скопируйте его секрет подписи сейчас: больше он показан не будет.</translation>
    </message>
    <message>
        <source>Delete webhooks</source>
        <translation>Удаление вебхуков</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n webhook(s)? Their pending deliveries are cancelled; their attempts stay listed.

%1</source>
        <translation>
            <numerusform>Удалить %n вебхук? Его ожидающие доставки будут отменены, а попытки останутся в списке.

%1</numerusform>
            <numerusform>Удалить %n вебхука? Их ожидающие доставки будут отменены, а попытки останутся в списке.

%1</numerusform>
            <numerusform>Удалить %n вебхуков? Их ожидающие доставки будут отменены, а попытки останутся в списке.

%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Webhook %1 was not deleted: %2</source>
        <translation>Вебхук %1 не удалён: %2</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>Удалён %1.</translation>
    </message>
</context>
<context>
    <name>ul::gui::WorkspaceModel</name>
    <message>
        <source>deprecated</source>
        <translation>исключено</translation>
    </message>
    <message>
        <source>local (%1)</source>
        <translation>локально (%1)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Local copy from the workspace, kept from %1 at %2 UTC.</source>
        <translation>Локальная копия из рабочей области, сохранена из %1 в %2 UTC.</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Event name</source>
        <translation>Название события</translation>
    </message>
    <message>
        <source>Customer id</source>
        <translation>ID клиента</translation>
    </message>
    <message>
        <source>External customer id</source>
        <translation>Внешний ID клиента</translation>
    </message>
    <message>
        <source>Timestamp (%1)</source>
        <translation>Метка времени (%1)</translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation>Исключено</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Kept at (%1)</source>
        <translation>Сохранено (%1)</translation>
    </message>
    <message>
        <source>Every row here is a local copy from the workspace, and where it was fetched from.</source>
        <translation>Каждая строка здесь — локальная копия из рабочей области и источник, откуда она получена.</translation>
    </message>
    <message>
        <source>Property “%1”</source>
        <translation>Свойство «%1»</translation>
    </message>
</context>
<context>
    <name>ul::gui::WorkspaceView</name>
    <message>
        <source>&amp;Customer</source>
        <translation>&amp;Клиент</translation>
    </message>
    <message>
        <source>customer id or external id</source>
        <translation>ID клиента или внешний ID</translation>
    </message>
    <message>
        <source>Event &amp;name</source>
        <translation>&amp;Название события</translation>
    </message>
    <message>
        <source>event name</source>
        <translation>название события</translation>
    </message>
    <message>
        <source>From (UTC)</source>
        <translation>С (UTC)</translation>
    </message>
    <message>
        <source>to, not including</source>
        <translation>по, не включая</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <source>&amp;Properties</source>
        <translation>&amp;Свойства</translation>
    </message>
    <message>
        <source>property filter, e.g. region = &apos;eu&apos; AND ms &gt; 100</source>
        <translation>фильтр по свойствам, например region = &apos;eu&apos; AND ms &gt; 100</translation>
    </message>
    <message>
        <source>Compare properties with =, !=, &lt;, &lt;=, &gt;, &gt;= and combine with AND, OR, NOT and parentheses. Text in single quotes (&apos;eu&apos;) or as a bare word (eu); numbers; true and false. A comparison is false when the event lacks the property or it has another type.</source>
        <translation>Сравнивайте свойства операторами =, !=, &lt;, &lt;=, &gt;, &gt;= и объединяйте условия с помощью AND, OR, NOT и скобок. Текст — в одинарных кавычках (&apos;eu&apos;) или просто словом (eu); числа; true и false. Сравнение ложно, если у события нет такого свойства или оно другого типа.</translation>
    </message>
    <message>
        <source>Column %1: %2</source>
        <translation>Столбец %1: %2</translation>
    </message>
    <message>
        <source>Local workspace: %1</source>
        <translation>Локальная рабочая область: %1</translation>
    </message>
    <message>
        <source>Local workspace: querying…</source>
        <translation>Локальная рабочая область: запрос…</translation>
    </message>
    <message>
        <source>Local workspace: %1 of %2 events match · %3 ms</source>
        <translation>Локальная рабочая область: подходит %1 из %2 событий · %3 мс</translation>
    </message>
</context>
<context>
    <name>ul::workspace::WorkspaceService</name>
    <message>
        <source>The workspace is not open.</source>
        <translation>Рабочая область не открыта.</translation>
    </message>
    <message>
        <source>Cannot open the local workspace: %1</source>
        <translation>Не удаётся открыть локальную рабочую область: %1</translation>
    </message>
    <message>
        <source>Events could not be kept in the local workspace: %1</source>
        <translation>Не удалось сохранить события в локальной рабочей области: %1</translation>
    </message>
</context>
</TS>
