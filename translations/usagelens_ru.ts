<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>MainWindow</name>
    <message>
        <source>UsageLens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up events by id, or filter the events kept in this workspace by customer, event name, time and property values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrections journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every amendment and deprecation made from this workspace, with what changed and what the server answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backfills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace or add the events of a past time range: create a backfill, check it, then close it or revert it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliveries of event notifications to your webhooks, including those that failed and are waiting to be retried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit UsageLens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the corrections journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backfills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the backfills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Webhook attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the webhook delivery attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About UsageLens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version and license of UsageLens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version and license of Qt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ul::RequestError</name>
    <message>
        <source> (tried %1 times)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1: %2. Check that the server is running and the base URL is right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer in time%2. The server may be overloaded; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to %1 was refused: %2. UsageLens never ignores certificate errors; fix the certificate or the base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from %1 could not be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API token was refused (401): %1 Check the token in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is rate limiting requests (429)%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server failed (%1)%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the request (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ul::gui</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder; drop a text file of event ids.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large (%2); files of ids up to %3 can be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large; files of ids up to %2 can be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a text file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a text file in UTF-8 or UTF-16.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ul::gui::AppCommandLine</name>
    <message>
        <source>Inspect and correct usage events in an Orb-compatible billing API. Without options it opens on a local sandbox server with demo data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the local sandbox&apos;s database (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the per-user application data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit as soon as the window has been shown, after printing how long that took (for benchmarks).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2
Try --help.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--data-dir wants a folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ul::gui::ConnectionStatusLabel</name>
    <message>
        <source>Starting the local sandbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · counting customers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local sandbox did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n customers</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · cannot list customers: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local sandbox · %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ul::gui::CustomerCounter</name>
    <message>
        <source>the server answered HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server answered HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s answer is not a list of customers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ul::gui::EmbeddedSandbox</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ul::gui::EventTableModel</name>
    <message>
        <source>deprecated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deprecated: this event no longer counts towards usage or invoices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External customer id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timestamp (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Property “%1”. Right-click the header to show or hide columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right-click the header to show or hide columns.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ul::gui::HeaderStateKeeper</name>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every column with its default width, in the default order</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ul::gui::MainWindow</name>
    <message>
        <source>&lt;h3&gt;UsageLens %1&lt;/h3&gt;&lt;p&gt;Inspect and correct usage events in an Orb-compatible usage-billing API.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;&lt;p&gt;Licensed under the %4.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About UsageLens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
