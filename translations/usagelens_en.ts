<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AmendDialog</name>
    <message>
        <source>Amend event</source>
        <translation></translation>
    </message>
    <message>
        <source>Event id:</source>
        <translation></translation>
    </message>
    <message>
        <source>Event &amp;name:</source>
        <translation></translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation></translation>
    </message>
    <message>
        <source>Orb does not allow an amendment to change the customer.</source>
        <translation></translation>
    </message>
    <message>
        <source>Timestamp (UTC):</source>
        <translation></translation>
    </message>
    <message>
        <source>Orb does not allow an amendment to move an event in time.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Properties:</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Add property</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Remove property</source>
        <translation></translation>
    </message>
    <message>
        <source>Review the amendment: the server&apos;s current event on the left, what will replace it on the right.</source>
        <translation></translation>
    </message>
    <message>
        <source>Field</source>
        <translation></translation>
    </message>
    <message>
        <source>Current</source>
        <translation></translation>
    </message>
    <message>
        <source>New</source>
        <translation></translation>
    </message>
    <message>
        <source>R&amp;eason (optional, kept in the journal):</source>
        <translation></translation>
    </message>
    <message>
        <source>e.g. ticket 4711: wrong region</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>AttemptsView</name>
    <message>
        <source>Filter</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation></translation>
    </message>
    <message>
        <source>When the failed tries were made (UTC)</source>
        <translation></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation></translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation></translation>
    </message>
    <message>
        <source>From (inclusive, UTC)</source>
        <translation></translation>
    </message>
    <message>
        <source>Until (exclusive, UTC)</source>
        <translation></translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation></translation>
    </message>
    <message>
        <source>Any code</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Event ids:</source>
        <translation></translation>
    </message>
    <message>
        <source>Any event; or ids separated by commas or spaces</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Webhooks:</source>
        <translation></translation>
    </message>
    <message>
        <source>Any webhook; or webhook ids separated by commas or spaces</source>
        <translation></translation>
    </message>
    <message>
        <source>Pick…</source>
        <translation></translation>
    </message>
    <message>
        <source>Choose webhooks by URL</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation></translation>
    </message>
    <message>
        <source>Load the newest attempts again (F5)</source>
        <translation></translation>
    </message>
    <message>
        <source>A&amp;uto-refresh</source>
        <translation></translation>
    </message>
    <message>
        <source>Load the newest attempts again every 15 seconds</source>
        <translation></translation>
    </message>
    <message>
        <source>Select an attempt to see its full message and the receiver&apos;s answer.</source>
        <translation></translation>
    </message>
    <message>
        <source>Re&amp;send</source>
        <translation></translation>
    </message>
    <message>
        <source>Deliver the events of the selected attempts to their webhooks once more, now</source>
        <translation></translation>
    </message>
    <message>
        <source>Mark &amp;handled</source>
        <translation></translation>
    </message>
    <message>
        <source>Acknowledge the selected attempts; their deliveries are not retried any more</source>
        <translation></translation>
    </message>
    <message>
        <source>Show e&amp;vent</source>
        <translation></translation>
    </message>
    <message>
        <source>Open the event of the current attempt in the Events view</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Webhooks…</source>
        <translation></translation>
    </message>
    <message>
        <source>List, add and delete webhooks</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>BackfillScopePage</name>
    <message>
        <source>Scope</source>
        <translation></translation>
    </message>
    <message>
        <source>Whose events the backfill covers, and whether it replaces or adds to the events already there.</source>
        <translation></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;All customers</source>
        <translation></translation>
    </message>
    <message>
        <source>The backfill covers the events of every customer</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Customer id:</source>
        <translation></translation>
    </message>
    <message>
        <source>cus_…</source>
        <translation></translation>
    </message>
    <message>
        <source>The Orb customer id</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;External customer id:</source>
        <translation></translation>
    </message>
    <message>
        <source>acme-corp</source>
        <translation></translation>
    </message>
    <message>
        <source>The id of the customer in your system</source>
        <translation></translation>
    </message>
    <message>
        <source>Existing events</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Replace the existing events of the timeframe</source>
        <translation></translation>
    </message>
    <message>
        <source>Once closed, the backfill&apos;s events count instead of the events already there (replace_existing_events)</source>
        <translation></translation>
    </message>
    <message>
        <source>Only those &amp;matching:</source>
        <translation></translation>
    </message>
    <message>
        <source>region = &apos;eu&apos; AND ms &gt; 100 (empty: all of them)</source>
        <translation></translation>
    </message>
    <message>
        <source>Which existing events are replaced (deprecation_filter); leave empty to replace all</source>
        <translation></translation>
    </message>
    <message>
        <source>A&amp;dd to the existing events</source>
        <translation></translation>
    </message>
    <message>
        <source>Once closed, the backfill&apos;s events count in addition to the events already there</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>BackfillTimeframePage</name>
    <message>
        <source>Timeframe</source>
        <translation></translation>
    </message>
    <message>
        <source>Which hours the backfill covers: at most 31 days. Events of the file outside it are not imported.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;From (UTC, inclusive):</source>
        <translation></translation>
    </message>
    <message>
        <source>The first instant whose events the backfill covers</source>
        <translation></translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Until (UTC, exclusive):</source>
        <translation></translation>
    </message>
    <message>
        <source>The end of the timeframe: events at this instant are not covered</source>
        <translation></translation>
    </message>
    <message>
        <source>Close by itself &amp;at (UTC):</source>
        <translation></translation>
    </message>
    <message>
        <source>Without a close time the server closes it one day after creation</source>
        <translation></translation>
    </message>
    <message>
        <source>When the backfill closes by itself if you have not closed or reverted it</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>BackfillsView</name>
    <message>
        <source>Create a backfill and import a CSV or JSONL file into it, after a dry run</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;New backfill…</source>
        <translation></translation>
    </message>
    <message>
        <source>Make the selected pending backfill&apos;s events count for billing</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Close…</source>
        <translation></translation>
    </message>
    <message>
        <source>Undo the selected backfill and restore the state before it</source>
        <translation></translation>
    </message>
    <message>
        <source>Re&amp;vert…</source>
        <translation></translation>
    </message>
    <message>
        <source>Show the event volume of the selected backfill&apos;s timeframe</source>
        <translation></translation>
    </message>
    <message>
        <source>Show &amp;volume</source>
        <translation></translation>
    </message>
    <message>
        <source>Load the backfills from the server again</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation></translation>
    </message>
    <message>
        <source>Event volume</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>BulkAmendDialog</name>
    <message>
        <source>Bulk amend</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Change:</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Property:</source>
        <translation></translation>
    </message>
    <message>
        <source>e.g. region</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation></translation>
    </message>
    <message>
        <source>Value type</source>
        <translation></translation>
    </message>
    <message>
        <source>New event &amp;name:</source>
        <translation></translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation></translation>
    </message>
    <message>
        <source>optional, kept in the journal</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancel &amp;sending</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>CorrectionsView</name>
    <message>
        <source>&amp;Send now</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancel &amp;queued</source>
        <translation></translation>
    </message>
    <message>
        <source>Withdraw every correction of this profile that is queued and not yet sent</source>
        <translation></translation>
    </message>
    <message>
        <source>Action</source>
        <translation></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation></translation>
    </message>
    <message>
        <source>event id or text</source>
        <translation></translation>
    </message>
    <message>
        <source>From (UTC)</source>
        <translation></translation>
    </message>
    <message>
        <source>to</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Undo amendment…</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Retry failed</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation></translation>
    </message>
    <message>
        <source>Withdraw the selected queued or failed corrections</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>DeprecateDialog</name>
    <message>
        <source>Deprecate events</source>
        <translation></translation>
    </message>
    <message>
        <source>Event id</source>
        <translation></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation></translation>
    </message>
    <message>
        <source>Why it is left out</source>
        <translation></translation>
    </message>
    <message>
        <source>R&amp;eason (optional, kept in the journal):</source>
        <translation></translation>
    </message>
    <message>
        <source>e.g. test traffic that reached production</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>DeprecatedStyle</name>
    <message>
        <source>Deprecated: this event no longer counts towards usage or invoices.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>EventDetailPane</name>
    <message>
        <source>Select an event to see its fields, properties, raw JSON and version history.</source>
        <translation></translation>
    </message>
    <message>
        <source>Id:</source>
        <translation></translation>
    </message>
    <message>
        <source>Event name:</source>
        <translation></translation>
    </message>
    <message>
        <source>Customer id:</source>
        <translation></translation>
    </message>
    <message>
        <source>External customer id:</source>
        <translation></translation>
    </message>
    <message>
        <source>Timestamp:</source>
        <translation></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation></translation>
    </message>
    <message>
        <source>The event&apos;s properties</source>
        <translation></translation>
    </message>
    <message>
        <source>Property</source>
        <translation></translation>
    </message>
    <message>
        <source>Value</source>
        <translation></translation>
    </message>
    <message>
        <source>Type</source>
        <translation></translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation></translation>
    </message>
    <message>
        <source>History</source>
        <translation></translation>
    </message>
    <message>
        <source>Every stored version of the event; select one to see it as it was</source>
        <translation></translation>
    </message>
    <message>
        <source>Version</source>
        <translation></translation>
    </message>
    <message>
        <source>Change</source>
        <translation></translation>
    </message>
    <message>
        <source>Recorded at (UTC)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <source>Server lookup</source>
        <translation></translation>
    </message>
    <message>
        <source>Look up events on the server by id</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Event ids</source>
        <translation></translation>
    </message>
    <message>
        <source>0 ids</source>
        <translation></translation>
    </message>
    <message>
        <source>How many distinct ids the box holds; duplicates count once</source>
        <translation></translation>
    </message>
    <message>
        <source>Event ids: one per line, or separated by commas, spaces or tabs (Ctrl+L). Enter runs the lookup, Shift+Enter starts a new line. Drop a text file of ids to load it.</source>
        <translation></translation>
    </message>
    <message>
        <source>Paste or type event ids: one per line, or separated by commas, spaces or tabs.
Or drop a text file of ids here.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Timeframe</source>
        <translation></translation>
    </message>
    <message>
        <source>Which event timestamps the search covers. Orb searches the last 7 days unless told otherwise.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation></translation>
    </message>
    <message>
        <source>Earliest event timestamp searched, in UTC (inclusive)</source>
        <translation></translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm &apos;UTC&apos;</source>
        <translation></translation>
    </message>
    <message>
        <source>T&amp;o</source>
        <translation></translation>
    </message>
    <message>
        <source>End of the searched timeframe, in UTC (exclusive)</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation></translation>
    </message>
    <message>
        <source>Look up the ids on the server (Enter in the ids box, or Ctrl+Enter)</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation></translation>
    </message>
    <message>
        <source>Stop the lookup; ids not looked up yet are listed (Esc)</source>
        <translation></translation>
    </message>
    <message>
        <source>Not connected to a server yet: the lookup can run once the connection is up.</source>
        <translation></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation></translation>
    </message>
    <message>
        <source>Copy the ids that were not found, one per line</source>
        <translation></translation>
    </message>
    <message>
        <source>Ids the server does not know in the chosen timeframe</source>
        <translation></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation></translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation></translation>
    </message>
    <message>
        <source>Show only results whose id, event name, customer ids or property values contain every word typed; key=value looks in one property, e.g. region=eu (Ctrl+F)</source>
        <translation></translation>
    </message>
    <message>
        <source>Filter results: words, or key=value (Ctrl+F)</source>
        <translation></translation>
    </message>
    <message>
        <source>Previous result (Shift+F3, Ctrl+Up)</source>
        <translation></translation>
    </message>
    <message>
        <source>Next result (F3, Ctrl+Down)</source>
        <translation></translation>
    </message>
    <message>
        <source>Copy the ids of the selected rows, one per line (Ctrl+C)</source>
        <translation></translation>
    </message>
    <message>
        <source>Copy ids</source>
        <translation></translation>
    </message>
    <message>
        <source>Copy the selected rows as a JSON array of Orb events (Ctrl+Shift+C)</source>
        <translation></translation>
    </message>
    <message>
        <source>Copy as JSON</source>
        <translation></translation>
    </message>
    <message>
        <source>Export the rows shown, as filtered and sorted, to CSV or JSON Lines (Ctrl+E)</source>
        <translation></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation></translation>
    </message>
    <message>
        <source>Find events</source>
        <translation></translation>
    </message>
    <message>
        <source>Paste event ids on the left and press Enter to look them up on the server. The events found are listed here, with their details below.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ImportDryRunPage</name>
    <message>
        <source>Dry run</source>
        <translation></translation>
    </message>
    <message>
        <source>What the import would do, checked before anything is created on the server.</source>
        <translation></translation>
    </message>
    <message>
        <source>Rows that will not be imported:</source>
        <translation></translation>
    </message>
    <message>
        <source>E&amp;xport bad rows…</source>
        <translation></translation>
    </message>
    <message>
        <source>Save the line numbers and reasons as a CSV file</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ImportFilePage</name>
    <message>
        <source>File to import</source>
        <translation></translation>
    </message>
    <message>
        <source>The events to ingest into the backfill. Nothing is sent before the dry run of the next steps.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation></translation>
    </message>
    <message>
        <source>/path/to/events.jsonl</source>
        <translation></translation>
    </message>
    <message>
        <source>The file with the events to import</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation></translation>
    </message>
    <message>
        <source>Format</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;JSONL: one Orb event object per line</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;CSV with a header row: map its columns in the next step</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ImportMappingPage</name>
    <message>
        <source>Columns</source>
        <translation></translation>
    </message>
    <message>
        <source>How the CSV columns map to the fields of an event.</source>
        <translation></translation>
    </message>
    <message>
        <source>Say what each column holds. Property columns become event properties of the type chosen; an empty cell leaves the property out.</source>
        <translation></translation>
    </message>
    <message>
        <source>First rows of the file:</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ImportProgressPage</name>
    <message>
        <source>Import</source>
        <translation></translation>
    </message>
    <message>
        <source>The backfill is created, then the file is sent in batches. It stays pending until you close it.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Cancel import</source>
        <translation></translation>
    </message>
    <message>
        <source>Stop: events not sent yet are withdrawn; those already sent stay in the backfill</source>
        <translation></translation>
    </message>
    <message>
        <source>Rows not imported:</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>UsageLens</source>
        <translation></translation>
    </message>
    <message>
        <source>Events</source>
        <translation></translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation></translation>
    </message>
    <message>
        <source>Corrections journal</source>
        <translation></translation>
    </message>
    <message>
        <source>Every amendment and deprecation made from this workspace, with what changed and what the server answered.</source>
        <translation></translation>
    </message>
    <message>
        <source>Backfills</source>
        <translation></translation>
    </message>
    <message>
        <source>Replace or add the events of a past time range: create a backfill, check it, then close it or revert it.</source>
        <translation></translation>
    </message>
    <message>
        <source>Webhook attempts</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation></translation>
    </message>
    <message>
        <source>Quit UsageLens</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation></translation>
    </message>
    <message>
        <source>Show the events</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Corrections</source>
        <translation></translation>
    </message>
    <message>
        <source>Show the corrections journal</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Backfills</source>
        <translation></translation>
    </message>
    <message>
        <source>Show the backfills</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Webhook attempts</source>
        <translation></translation>
    </message>
    <message>
        <source>Show the webhook delivery attempts</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;About UsageLens</source>
        <translation></translation>
    </message>
    <message>
        <source>Show the version and license of UsageLens</source>
        <translation></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation></translation>
    </message>
    <message>
        <source>Show the version and license of Qt</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation></translation>
    </message>
    <message>
        <source>Connection profiles, API tokens and preferences</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ProductionConfirmDialog</name>
    <message>
        <source>Confirm a write to production</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Type the profile name to confirm:</source>
        <translation></translation>
    </message>
    <message>
        <source>Profile name to confirm</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation></translation>
    </message>
    <message>
        <source>Connection profiles</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation></translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation></translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation></translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation></translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation></translation>
    </message>
    <message>
        <source>https://api.withorb.com/v1</source>
        <translation></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation></translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation></translation>
    </message>
    <message>
        <source>API token</source>
        <translation></translation>
    </message>
    <message>
        <source>Re&amp;veal</source>
        <translation></translation>
    </message>
    <message>
        <source>Show or hide the token</source>
        <translation></translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation></translation>
    </message>
    <message>
        <source>Copy the token to the clipboard</source>
        <translation></translation>
    </message>
    <message>
        <source>Request t&amp;imeout:</source>
        <translation></translation>
    </message>
    <message>
        <source> s</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Retries:</source>
        <translation></translation>
    </message>
    <message>
        <source>Annotation &amp;sink URL:</source>
        <translation></translation>
    </message>
    <message>
        <source>Optional, e.g. https://example.live.dynatrace.com</source>
        <translation></translation>
    </message>
    <message>
        <source>Annotation sink URL</source>
        <translation></translation>
    </message>
    <message>
        <source>Sin&amp;k token:</source>
        <translation></translation>
    </message>
    <message>
        <source>Annotation sink token</source>
        <translation></translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation></translation>
    </message>
    <message>
        <source>Profile colour</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Production: every write must be confirmed by typing the profile name</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation></translation>
    </message>
    <message>
        <source>General</source>
        <translation></translation>
    </message>
    <message>
        <source>Show &amp;times in:</source>
        <translation></translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Events per page:</source>
        <translation></translation>
    </message>
    <message>
        <source>C&amp;ustomers per page:</source>
        <translation></translation>
    </message>
    <message>
        <source>Deli&amp;very attempts per page:</source>
        <translation></translation>
    </message>
    <message>
        <source>Outbox &amp;batch size:</source>
        <translation></translation>
    </message>
    <message>
        <source> events</source>
        <translation></translation>
    </message>
    <message>
        <source>Outbox &amp;flush interval:</source>
        <translation></translation>
    </message>
    <message>
        <source> ms</source>
        <translation></translation>
    </message>
    <message>
        <source>When no keychain is reachable, store tokens in a &amp;file only I can read</source>
        <translation></translation>
    </message>
    <message>
        <source>The language changes as soon as the settings are applied.</source>
        <translation></translation>
    </message>
    <message>
        <source>Annotation &amp;event type:</source>
        <translation></translation>
    </message>
    <message>
        <source>Annotation event type</source>
        <translation></translation>
    </message>
    <message>
        <source>Annotation e&amp;ntities:</source>
        <translation></translation>
    </message>
    <message>
        <source>Optional entity selector, e.g. type(SERVICE),entityName.equals(billing)</source>
        <translation></translation>
    </message>
    <message>
        <source>Annotation entity selector</source>
        <translation></translation>
    </message>
    <message>
        <source>Annotation ti&amp;meout:</source>
        <translation></translation>
    </message>
    <message>
        <source>The sink&apos;s default (15 min)</source>
        <translation></translation>
    </message>
    <message>
        <source> min</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>VolumeView</name>
    <message>
        <source>&amp;Hours:</source>
        <translation></translation>
    </message>
    <message>
        <source>Which hours to show</source>
        <translation></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation></translation>
    </message>
    <message>
        <source>Last 31 days</source>
        <translation></translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;From (UTC):</source>
        <translation></translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Until (UTC):</source>
        <translation></translation>
    </message>
    <message>
        <source>Show every hour again (double-click the chart does the same)</source>
        <translation></translation>
    </message>
    <message>
        <source>Reset &amp;zoom</source>
        <translation></translation>
    </message>
    <message>
        <source>Save the hourly counts as a CSV file</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation></translation>
    </message>
    <message>
        <source>Load the counts from the server again</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>WebhooksDialog</name>
    <message>
        <source>Webhooks</source>
        <translation></translation>
    </message>
    <message>
        <source>Every subscribed change is POSTed to each webhook&apos;s URL, signed with its secret. Failed tries are retried on a schedule and listed under Webhook attempts.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation></translation>
    </message>
    <message>
        <source>Delete the selected webhooks; their pending deliveries are cancelled</source>
        <translation></translation>
    </message>
    <message>
        <source>Add a webhook</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation></translation>
    </message>
    <message>
        <source>Subscriptions:</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Add webhook</source>
        <translation></translation>
    </message>
    <message>
        <source>Signing secret:</source>
        <translation></translation>
    </message>
    <message>
        <source>Shown only now: copy it to the receiver, which verifies each delivery&apos;s signature with it</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul</name>
    <message>
        <source>Map exactly one column to event_name.</source>
        <translation></translation>
    </message>
    <message>
        <source>Map exactly one column to timestamp.</source>
        <translation></translation>
    </message>
    <message>
        <source>Map a column to customer_id or external_customer_id.</source>
        <translation></translation>
    </message>
    <message>
        <source>Map at most one column each to customer_id, external_customer_id and idempotency_key.</source>
        <translation></translation>
    </message>
    <message>
        <source>A property column needs a header name.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::AnnotationSink</name>
    <message>
        <source>No annotation sink URL is set.</source>
        <translation></translation>
    </message>
    <message>
        <source>No annotation sink token is stored for this profile.</source>
        <translation></translation>
    </message>
    <message>
        <source>The annotation sink at %1 did not answer within %2 s.</source>
        <translation></translation>
    </message>
    <message>
        <source>The annotation sink at %1 could not be reached: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>The annotation sink refused the token (HTTP %1). Check the sink token of this profile.</source>
        <translation></translation>
    </message>
    <message>
        <source>The annotation sink answered HTTP %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>The annotation sink&apos;s answer is not an event ingest result.</source>
        <translation></translation>
    </message>
    <message>
        <source>no status</source>
        <translation></translation>
    </message>
    <message>
        <source>The annotation sink created no event (its entity selector matched nothing).</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>The annotation sink did not accept %n of %1 report(s): %2.</source>
        <translation>
            <numerusform>The annotation sink did not accept %n of %1 reports: %2.</numerusform>
            <numerusform>The annotation sink did not accept %n of %1 reports: %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ul::ConnectionProfile</name>
    <message>
        <source>Local sandbox</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::CorrectionAnnotator</name>
    <message>
        <source>Could not tell whether the correction is complete: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Usage correction: backfill closed</source>
        <translation></translation>
    </message>
    <message>
        <source>Usage correction: backfill reverted</source>
        <translation></translation>
    </message>
    <message>
        <source>Usage correction: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The annotation was posted, but the journal could not record it: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The correction was not annotated: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>1 event</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage correction: %1 amended</source>
        <translation></translation>
    </message>
    <message>
        <source>Usage correction: %1 deprecated</source>
        <translation></translation>
    </message>
    <message>
        <source>Usage correction: %1 ingested</source>
        <translation></translation>
    </message>
    <message>
        <source>Usage correction: %1 imported into a backfill</source>
        <translation></translation>
    </message>
    <message>
        <source>, %1 failed</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::CsvRecordReader</name>
    <message>
        <source>field %1: its opening quote is never closed</source>
        <translation></translation>
    </message>
    <message>
        <source>field %1: text after its closing quote</source>
        <translation></translation>
    </message>
    <message>
        <source>the record is longer than %1 bytes; is a quote left open?</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::ImportAnalyzer</name>
    <message>
        <source>The file %1 cannot be opened: %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::ImportJob</name>
    <message>
        <source>The saved import position is not one this version understands.</source>
        <translation></translation>
    </message>
    <message>
        <source>The saved import position has a column mapping this version does not know.</source>
        <translation></translation>
    </message>
    <message>
        <source>The file %1 cannot be opened: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>The file %1 is not the one this import started with (its first 64 KiB changed); it cannot be continued.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::ImportReader</name>
    <message>
        <source>The file cannot be read from its start.</source>
        <translation></translation>
    </message>
    <message>
        <source>Two property columns are named %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Reading the file failed: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>the line is longer than %1 bytes</source>
        <translation></translation>
    </message>
    <message>
        <source>not a JSON event object: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The file is empty; a CSV import needs a header row.</source>
        <translation></translation>
    </message>
    <message>
        <source>The header row is not valid CSV: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The header row (%1) does not match the column mapping (%2).</source>
        <translation></translation>
    </message>
    <message>
        <source>the row has %1 fields; the header has %2</source>
        <translation></translation>
    </message>
    <message>
        <source>timestamp: is empty</source>
        <translation></translation>
    </message>
    <message>
        <source>timestamp: &quot;%1&quot; %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a number</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a boolean (true or false)</source>
        <translation></translation>
    </message>
    <message>
        <source>event_name: is empty</source>
        <translation></translation>
    </message>
    <message>
        <source>timestamp: is missing</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::ImportScreen</name>
    <message>
        <source>timestamp: %1 is outside the backfill&apos;s timeframe (%2 to %3)</source>
        <translation></translation>
    </message>
    <message>
        <source>any time</source>
        <translation></translation>
    </message>
    <message>
        <source>customer_id: %1 is not the backfill&apos;s customer %2</source>
        <translation></translation>
    </message>
    <message>
        <source>customer_id: the backfill is for customer %1; this row names external_customer_id %2 instead</source>
        <translation></translation>
    </message>
    <message>
        <source>external_customer_id: %1 is not the backfill&apos;s customer %2</source>
        <translation></translation>
    </message>
    <message>
        <source>external_customer_id: the backfill is for external customer %1; this row names customer_id %2 instead</source>
        <translation></translation>
    </message>
    <message>
        <source>idempotency_key: %1 was already used on line %2; this row is skipped</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::Journal</name>
    <message>
        <source>Entry %1 is final: a deprecation cannot be undone.</source>
        <translation></translation>
    </message>
    <message>
        <source>Entry %1 is not an amendment; only amendments can be undone.</source>
        <translation></translation>
    </message>
    <message>
        <source>Entry %1 did not succeed (%2); there is nothing to undo.</source>
        <translation></translation>
    </message>
    <message>
        <source>Entry %1 is already undone by entry %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>Entry %1 has no saved payload to restore.</source>
        <translation></translation>
    </message>
    <message>
        <source>Event %1 was deprecated later (entry %2); a deprecated event cannot be amended.</source>
        <translation></translation>
    </message>
    <message>
        <source>Event %1 was amended again later (entry %2); undo that entry first.</source>
        <translation></translation>
    </message>
    <message>
        <source>The saved payload of entry %1 cannot be read.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::Outbox</name>
    <message>
        <source>Not sent: the write was not in the outbox (UsageLens stopped before it was queued).</source>
        <translation></translation>
    </message>
    <message>
        <source>Not sent: UsageLens stopped while queuing this batch; its events are recorded in a later entry.</source>
        <translation></translation>
    </message>
    <message>
        <source>Not sent: superseded by journal entry %1 for the same operation.</source>
        <translation></translation>
    </message>
    <message>
        <source>The outbox is closing; nothing more can be queued.</source>
        <translation></translation>
    </message>
    <message>
        <source>The outbox stopped after a storage error.</source>
        <translation></translation>
    </message>
    <message>
        <source>No connection is attached for profile %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>The outbox is full: %1 events fit now, %2 were given. Wait for room.</source>
        <translation></translation>
    </message>
    <message>
        <source>The journal of %1 is gone.</source>
        <translation></translation>
    </message>
    <message>
        <source>The journal refused the entries: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Not queued: the outbox could not store it (%1). Nothing was sent.</source>
        <translation></translation>
    </message>
    <message>
        <source>The outbox could not store the operations: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Amendment %1 has no event id, or its before and after ids differ.</source>
        <translation></translation>
    </message>
    <message>
        <source>Deprecation %1 has no event id.</source>
        <translation></translation>
    </message>
    <message>
        <source>A queued request needs an action, a write method and a path.</source>
        <translation></translation>
    </message>
    <message>
        <source>Event %1 has no id (idempotency key).</source>
        <translation></translation>
    </message>
    <message>
        <source>The outbox could not store the events: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Not sent: the outbox could not seal the batch (%1).</source>
        <translation></translation>
    </message>
    <message>
        <source>The journal could not record the server&apos;s answers: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The outbox could not record the server&apos;s answers: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation></translation>
    </message>
    <message>
        <source>None of these operations has failed.</source>
        <translation></translation>
    </message>
    <message>
        <source>Not queued again: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancelled after %1 attempts; the server may have applied it (last error: %2).</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancelled before it was sent.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::ProfileRules</name>
    <message>
        <source>Enter the server&apos;s base URL, e.g. https://api.withorb.com/v1.</source>
        <translation></translation>
    </message>
    <message>
        <source>This is not a URL. Enter it in full, e.g. https://api.withorb.com/v1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Only https:// URLs are accepted (http:// only for this computer).</source>
        <translation></translation>
    </message>
    <message>
        <source>The URL has no host name.</source>
        <translation></translation>
    </message>
    <message>
        <source>Do not put a user name or password in the URL; enter the API token in its own field.</source>
        <translation></translation>
    </message>
    <message>
        <source>The base URL must not have a query (?…) or fragment (#…).</source>
        <translation></translation>
    </message>
    <message>
        <source>Plain http:// is allowed only for this computer (localhost, 127.0.0.1, ::1); use https:// for %1 so the token is not sent in clear text.</source>
        <translation></translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation></translation>
    </message>
    <message>
        <source>Another profile is already called “%1”.</source>
        <translation></translation>
    </message>
    <message>
        <source>The request timeout must be from %1 to %2 seconds.</source>
        <translation></translation>
    </message>
    <message>
        <source>Retries must be from 0 to %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Pick a colour.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::ProfileSession</name>
    <message>
        <source>No API token is stored for “%1”. Enter it in Settings.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::ProfileStore</name>
    <message>
        <source>This profile no longer exists.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::RequestError</name>
    <message>
        <source> (tried %1 times)</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not reach %1: %2. Check that the server is running and the base URL is right.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 did not answer in time%2. The server may be overloaded; try again later.</source>
        <translation></translation>
    </message>
    <message>
        <source>The secure connection to %1 was refused: %2. UsageLens never ignores certificate errors; fix the certificate or the base URL.</source>
        <translation></translation>
    </message>
    <message>
        <source>The answer from %1 could not be read: %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation></translation>
    </message>
    <message>
        <source>The API token was refused (401): %1 Check the token in Settings.</source>
        <translation></translation>
    </message>
    <message>
        <source>The server is rate limiting requests (429)%1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>The server failed (%1)%2: %3</source>
        <translation></translation>
    </message>
    <message>
        <source>The server refused the request (%1): %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::Settings</name>
    <message>
        <source>%1 must be a whole number from %2 to %3.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::TokenStore</name>
    <message>
        <source>no keychain is used on this system</source>
        <translation></translation>
    </message>
    <message>
        <source>Without a keychain, UsageLens can keep API tokens in a file that only your user account may read. The tokens are not encrypted: anyone who can act as you on this computer, or read its disk or backups, can read them. Use it only on a computer you trust, and prefer installing a keychain.</source>
        <translation></translation>
    </message>
    <message>
        <source>access to the keychain was declined</source>
        <translation></translation>
    </message>
    <message>
        <source>no keychain service answered</source>
        <translation></translation>
    </message>
    <message>
        <source>No keychain is reachable (%1). A token you enter is kept for this run only, unless you choose to store tokens in a file in Settings.</source>
        <translation></translation>
    </message>
    <message>
        <source>The keychain refused to give the token: %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>No keychain is reachable (%1). As you chose, the token was stored in %2, a file only your user account can read; it is not encrypted.</source>
        <translation></translation>
    </message>
    <message>
        <source>No keychain is reachable (%1), and the token file could not be written (%2). The token is kept for this run only.</source>
        <translation></translation>
    </message>
    <message>
        <source>No keychain is reachable (%1). The token is kept for this run only: you will have to enter it again after restarting UsageLens, unless you choose to store tokens in a file.</source>
        <translation></translation>
    </message>
    <message>
        <source>The keychain could not delete the token: %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation></translation>
    </message>
    <message>
        <source>The token file %1 can be read or changed by other users, so UsageLens does not use it. Make it readable only by you (chmod 600) or delete it.</source>
        <translation></translation>
    </message>
    <message>
        <source>The token file %1 belongs to another user, so UsageLens does not use it.</source>
        <translation></translation>
    </message>
    <message>
        <source>The token file %1 could not be read: %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>The token file %1 could not be written: %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>no file was chosen</source>
        <translation></translation>
    </message>
    <message>
        <source>it could not be deleted</source>
        <translation></translation>
    </message>
    <message>
        <source>its folder could not be created</source>
        <translation></translation>
    </message>
    <message>
        <source>its permissions could not be restricted</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::filter::Expression</name>
    <message>
        <source>the end of the expression</source>
        <translation></translation>
    </message>
    <message>
        <source>the string %1</source>
        <translation></translation>
    </message>
    <message>
        <source>the name &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>the number %1</source>
        <translation></translation>
    </message>
    <message>
        <source>unexpected character &apos;%1&apos;; quote values that contain it: &apos;text&apos;</source>
        <translation></translation>
    </message>
    <message>
        <source>&apos;!&apos; must be followed by &apos;=&apos; (not equal); use NOT to negate</source>
        <translation></translation>
    </message>
    <message>
        <source>unterminated string: add the closing &apos; (write &apos;&apos; or \&apos; for a quote inside it)</source>
        <translation></translation>
    </message>
    <message>
        <source>unterminated name: add the closing &quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number; quote text values: &apos;%1&apos;</source>
        <translation></translation>
    </message>
    <message>
        <source>the expression is empty; write a condition such as region = &apos;eu&apos;</source>
        <translation></translation>
    </message>
    <message>
        <source>&apos;)&apos; has no matching &apos;(&apos;</source>
        <translation></translation>
    </message>
    <message>
        <source>expected AND, OR or the end of the expression, found %1 (quote values that contain spaces: &apos;two words&apos;)</source>
        <translation></translation>
    </message>
    <message>
        <source>the expression is nested too deeply</source>
        <translation></translation>
    </message>
    <message>
        <source>this &apos;(&apos; is never closed; add a &apos;)&apos;</source>
        <translation></translation>
    </message>
    <message>
        <source>expected a condition such as region = &apos;eu&apos; at the end</source>
        <translation></translation>
    </message>
    <message>
        <source>expected a property name, found the keyword %1 (write &quot;%2&quot; for a property of that name)</source>
        <translation></translation>
    </message>
    <message>
        <source>expected a property name, found %1</source>
        <translation></translation>
    </message>
    <message>
        <source>a property name cannot be empty</source>
        <translation></translation>
    </message>
    <message>
        <source>expected a comparison (=, !=, &lt;, &lt;=, &gt;, &gt;=) after &apos;%1&apos;, found %2</source>
        <translation></translation>
    </message>
    <message>
        <source>expected a value after &apos;%1&apos;, found the keyword %2 (quote it to compare with the word: &apos;%3&apos;)</source>
        <translation></translation>
    </message>
    <message>
        <source>expected a value after &apos;%1&apos;</source>
        <translation></translation>
    </message>
    <message>
        <source>expected a value after &apos;%1&apos;; strings take single quotes: &apos;%2&apos;</source>
        <translation></translation>
    </message>
    <message>
        <source>expected a value after &apos;%1&apos;, found %2</source>
        <translation></translation>
    </message>
    <message>
        <source>column %1: %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::AmendDialog</name>
    <message>
        <source>Amend event %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Re&amp;view changes…</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Send amendment</source>
        <translation></translation>
    </message>
    <message>
        <source>This event is deprecated: deprecated events cannot be amended.</source>
        <translation></translation>
    </message>
    <message>
        <source>Nothing is changed yet.</source>
        <translation></translation>
    </message>
    <message>
        <source>Amending event %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::AppCommandLine</name>
    <message>
        <source>Inspect and correct usage events in an Orb-compatible billing API. Without options it opens on a local sandbox server with demo data.</source>
        <translation></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation></translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation></translation>
    </message>
    <message>
        <source>Folder for the local sandbox&apos;s database (default: %1).</source>
        <translation></translation>
    </message>
    <message>
        <source>the per-user application data folder</source>
        <translation></translation>
    </message>
    <message>
        <source>DIR</source>
        <translation></translation>
    </message>
    <message>
        <source>Quit as soon as the window has been shown, after printing how long that took (for benchmarks).</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: %2
Try --help.
</source>
        <translation></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>--data-dir wants a folder</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::AttemptTableModel</name>
    <message>
        <source>Sending…</source>
        <translation></translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation></translation>
    </message>
    <message>
        <source>Handled</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation></translation>
    </message>
    <message>
        <source>Manual</source>
        <translation></translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation></translation>
    </message>
    <message>
        <source> (handled)</source>
        <translation></translation>
    </message>
    <message>
        <source>Webhook %1
%2</source>
        <translation></translation>
    </message>
    <message>
        <source>Next try at %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Delivered at %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Time</source>
        <translation></translation>
    </message>
    <message>
        <source>Code</source>
        <translation></translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation></translation>
    </message>
    <message>
        <source>Message</source>
        <translation></translation>
    </message>
    <message>
        <source>Event id</source>
        <translation></translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation></translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation></translation>
    </message>
    <message>
        <source>Result</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::AttemptsView</name>
    <message>
        <source>Not connected to a server.</source>
        <translation></translation>
    </message>
    <message>
        <source>Loading attempts failed: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Loading attempts…</source>
        <translation></translation>
    </message>
    <message>
        <source>No failed deliveries match the filter.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) shown; more load as you scroll.</source>
        <translation>
            <numerusform>%n attempt shown; more load as you scroll.</numerusform>
            <numerusform>%n attempts shown; more load as you scroll.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s).</source>
        <translation>
            <numerusform>%n attempt.</numerusform>
            <numerusform>%n attempts.</numerusform>
        </translation>
    </message>
    <message>
        <source>—</source>
        <translation></translation>
    </message>
    <message>
        <source>Attempt %1: %2, %3</source>
        <translation></translation>
    </message>
    <message>
        <source>manual resend</source>
        <translation></translation>
    </message>
    <message>
        <source>scheduled try</source>
        <translation></translation>
    </message>
    <message>
        <source>Time: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Event: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Webhook: %1 (%2)</source>
        <translation></translation>
    </message>
    <message>
        <source>Subscription: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Duration: %1 ms</source>
        <translation></translation>
    </message>
    <message>
        <source> (last delivered at %1)</source>
        <translation></translation>
    </message>
    <message>
        <source> (next try at %1)</source>
        <translation></translation>
    </message>
    <message>
        <source>Delivery: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Handled: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Last action: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Message:</source>
        <translation></translation>
    </message>
    <message>
        <source>Response excerpt:</source>
        <translation></translation>
    </message>
    <message>
        <source>(no response body)</source>
        <translation></translation>
    </message>
    <message>
        <source>No webhooks</source>
        <translation></translation>
    </message>
    <message>
        <source>Resending…</source>
        <translation></translation>
    </message>
    <message>
        <source>Resend failed: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Resent, but its outcome could not be read: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Still sending; refresh to see how it ended</source>
        <translation></translation>
    </message>
    <message>
        <source>Delivered at %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation></translation>
    </message>
    <message>
        <source>Failed again: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Marking handled…</source>
        <translation></translation>
    </message>
    <message>
        <source>Not marked handled: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Marked handled</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::BackfillActions</name>
    <message>
        <source>Backfill changes need the outbox, which is not open.</source>
        <translation></translation>
    </message>
    <message>
        <source>Not connected to a server yet.</source>
        <translation></translation>
    </message>
    <message>
        <source>The server refused it (HTTP %1).</source>
        <translation></translation>
    </message>
    <message>
        <source>The server accepted it, but its answer could not be read.</source>
        <translation></translation>
    </message>
    <message>
        <source>customer %1</source>
        <translation></translation>
    </message>
    <message>
        <source>the customer with external id %1</source>
        <translation></translation>
    </message>
    <message>
        <source>all customers</source>
        <translation></translation>
    </message>
    <message>
        <source>the events of %1 – %2 %3 for %4</source>
        <translation></translation>
    </message>
    <message>
        <source>Close backfill %1?</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Its %n ingested event(s) will count for billing.</source>
        <translation>
            <numerusform>Its %n ingested event will count for billing.</numerusform>
            <numerusform>Its %n ingested events will count for billing.</numerusform>
        </translation>
    </message>
    <message>
        <source>They are added to %1, which keep counting.</source>
        <translation></translation>
    </message>
    <message>
        <source>They replace those of %1 that match the deprecation filter “%2”: those stop counting; the others keep counting.</source>
        <translation></translation>
    </message>
    <message>
        <source>They replace %1: every one of those stops counting.</source>
        <translation></translation>
    </message>
    <message>
        <source>It is sent after the events still queued for this backfill. You can revert it afterwards.</source>
        <translation></translation>
    </message>
    <message>
        <source>Revert backfill %1?</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>It was never closed: its %n ingested event(s) are discarded and no other event changes.</source>
        <translation>
            <numerusform>It was never closed: its %n ingested event are discarded and no other event changes.</numerusform>
            <numerusform>It was never closed: its %n ingested events are discarded and no other event changes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This restores the state before it was closed: its %n event(s) stop counting for billing</source>
        <translation>
            <numerusform>This restores the state before it was closed: its %n event stop counting for billing</numerusform>
            <numerusform>This restores the state before it was closed: its %n events stop counting for billing</numerusform>
        </translation>
    </message>
    <message>
        <source>, and the events it replaced (%1) count again.</source>
        <translation></translation>
    </message>
    <message>
        <source>; it replaced nothing, so no other event changes.</source>
        <translation></translation>
    </message>
    <message>
        <source>A reverted backfill cannot be closed or reverted again.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::BackfillScopePage</name>
    <message>
        <source>Every existing event of the timeframe and customers is replaced.</source>
        <translation></translation>
    </message>
    <message>
        <source>Not a valid filter: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Valid: replaces the existing events where %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Enter the customer id, or choose all customers.</source>
        <translation></translation>
    </message>
    <message>
        <source>Enter the external customer id, or choose all customers.</source>
        <translation></translation>
    </message>
    <message>
        <source>Correct the deprecation filter, or leave it empty.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::BackfillTableModel</name>
    <message>
        <source>Pending</source>
        <translation></translation>
    </message>
    <message>
        <source>Reflected</source>
        <translation></translation>
    </message>
    <message>
        <source>Reverting</source>
        <translation></translation>
    </message>
    <message>
        <source>Reverted</source>
        <translation></translation>
    </message>
    <message>
        <source>Open: events can be ingested into it. Nothing counts for billing until it is closed.</source>
        <translation></translation>
    </message>
    <message>
        <source>Closed: its events count for billing (and the events it replaces do not).</source>
        <translation></translation>
    </message>
    <message>
        <source>Being reverted: the state before it was closed is being restored.</source>
        <translation></translation>
    </message>
    <message>
        <source>Reverted: its events do not count; the events it had replaced count again.</source>
        <translation></translation>
    </message>
    <message>
        <source>Customer %1</source>
        <translation></translation>
    </message>
    <message>
        <source>External id %1</source>
        <translation></translation>
    </message>
    <message>
        <source>All customers</source>
        <translation></translation>
    </message>
    <message>
        <source>Replace</source>
        <translation></translation>
    </message>
    <message>
        <source>Add</source>
        <translation></translation>
    </message>
    <message>
        <source>Its events replace the existing events of the timeframe and scope (those matching the deprecation filter, when there is one).</source>
        <translation></translation>
    </message>
    <message>
        <source>Its events are added to the existing events.</source>
        <translation></translation>
    </message>
    <message>
        <source>It closes by itself at this time.</source>
        <translation></translation>
    </message>
    <message>
        <source>When it was closed.</source>
        <translation></translation>
    </message>
    <message>
        <source>Id</source>
        <translation></translation>
    </message>
    <message>
        <source>Status</source>
        <translation></translation>
    </message>
    <message>
        <source>From (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>Until (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation></translation>
    </message>
    <message>
        <source>Deprecation filter</source>
        <translation></translation>
    </message>
    <message>
        <source>Events</source>
        <translation></translation>
    </message>
    <message>
        <source>Created (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>Close time (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>Reverted (%1)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::BackfillTimeframePage</name>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation></translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation></translation>
    </message>
    <message>
        <source>A backfill may span at most 31 days; this one spans %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>The close time must be in the future.</source>
        <translation></translation>
    </message>
    <message>
        <source>Covers %1.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::BackfillsView</name>
    <message numerus="yes">
        <source>%n backfill(s) shown</source>
        <translation>
            <numerusform>%n backfill shown</numerusform>
            <numerusform>%n backfills shown</numerusform>
        </translation>
    </message>
    <message>
        <source>; scroll down for more.</source>
        <translation></translation>
    </message>
    <message>
        <source>.</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not load the backfills: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Backfill %1 is closed: its events count now.</source>
        <translation></translation>
    </message>
    <message>
        <source>Backfill %1 is %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>The server did not accept it: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Not connected to a server.</source>
        <translation></translation>
    </message>
    <message>
        <source>Close backfill</source>
        <translation></translation>
    </message>
    <message>
        <source>Closing backfill %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not queue the close: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Closing backfill %1…</source>
        <translation></translation>
    </message>
    <message>
        <source>Revert backfill</source>
        <translation></translation>
    </message>
    <message>
        <source>Reverting backfill %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not queue the revert: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Reverting backfill %1…</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Refreshing every %n s while a backfill is pending</source>
        <translation>
            <numerusform>Refreshing every %n s while a backfill is pending</numerusform>
            <numerusform>Refreshing every %n s while a backfill is pending</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a backfill to see what it changes.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 — %2. %3</source>
        <translation></translation>
    </message>
    <message>
        <source>Replaces %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Adds to %1</source>
        <translation></translation>
    </message>
    <message>
        <source> that match “%1”</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>; %n event(s) ingested.</source>
        <translation>
            <numerusform>; %n event ingested.</numerusform>
            <numerusform>; %n events ingested.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ul::gui::BadRowModel</name>
    <message>
        <source>Not readable</source>
        <translation></translation>
    </message>
    <message>
        <source>Malformed</source>
        <translation></translation>
    </message>
    <message>
        <source>Refused by the ingest rules</source>
        <translation></translation>
    </message>
    <message>
        <source>Outside the timeframe</source>
        <translation></translation>
    </message>
    <message>
        <source>Another customer</source>
        <translation></translation>
    </message>
    <message>
        <source>Duplicate key</source>
        <translation></translation>
    </message>
    <message>
        <source>Line</source>
        <translation></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::BulkAmendDialog</name>
    <message numerus="yes">
        <source>Bulk amend %n event(s)</source>
        <translation>
            <numerusform>Bulk amend %n event</numerusform>
            <numerusform>Bulk amend %n events</numerusform>
        </translation>
    </message>
    <message>
        <source>Set a property</source>
        <translation></translation>
    </message>
    <message>
        <source>Remove a property</source>
        <translation></translation>
    </message>
    <message>
        <source>Rename the event</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Retry failed rows</source>
        <translation></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation></translation>
    </message>
    <message>
        <source>Name the property to change.</source>
        <translation></translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation></translation>
    </message>
    <message>
        <source>A boolean is true or false.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) will be amended</source>
        <translation>
            <numerusform>%n event will be amended</numerusform>
            <numerusform>%n events will be amended</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n unchanged</numerusform>
            <numerusform>%n unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left out: a rule of the server would refuse them</source>
        <translation>
            <numerusform>%n left out: a rule of the server would refuse them</numerusform>
            <numerusform>%n left out: a rule of the server would refuse them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Amending %n event(s)</source>
        <translation>
            <numerusform>Amending %n event</numerusform>
            <numerusform>Amending %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending %n failed row(s) again</source>
        <translation>
            <numerusform>Sending %n failed row again</numerusform>
            <numerusform>Sending %n failed rows again</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1 amended, %2 failed)</source>
        <translation></translation>
    </message>
    <message>
        <source>withdrawn before it was sent</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::BulkAmendModel</name>
    <message>
        <source>HTTP %1</source>
        <translation></translation>
    </message>
    <message>
        <source>unchanged, not sent</source>
        <translation></translation>
    </message>
    <message>
        <source>left out</source>
        <translation></translation>
    </message>
    <message>
        <source>ready</source>
        <translation></translation>
    </message>
    <message>
        <source>queued</source>
        <translation></translation>
    </message>
    <message>
        <source>amended</source>
        <translation></translation>
    </message>
    <message>
        <source>failed</source>
        <translation></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Event id</source>
        <translation></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation></translation>
    </message>
    <message>
        <source>Change</source>
        <translation></translation>
    </message>
    <message>
        <source>Result</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::ConnectionStatusLabel</name>
    <message>
        <source>Starting the local sandbox…</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 · counting customers…</source>
        <translation></translation>
    </message>
    <message>
        <source>The local sandbox did not start: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>1 customer</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n customers</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 · cannot list customers: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Local sandbox · %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::CorrectionActions</name>
    <message>
        <source>Amend event…</source>
        <translation></translation>
    </message>
    <message>
        <source>Bulk amend…</source>
        <translation></translation>
    </message>
    <message>
        <source>Deprecate…</source>
        <translation></translation>
    </message>
    <message>
        <source>Select the events to correct first.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::CorrectionChecks</name>
    <message>
        <source>no customer</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: + %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation></translation>
    </message>
    <message>
        <source>no change</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>about %n min left</numerusform>
            <numerusform>about %n min left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>about %n s left</numerusform>
            <numerusform>about %n s left</numerusform>
        </translation>
    </message>
    <message>
        <source> · %1/s · %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Already deprecated: a deprecated event cannot be corrected.</source>
        <translation></translation>
    </message>
    <message>
        <source>Not connected yet: corrections can be sent once the profile&apos;s server is connected.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Over the limit of %n deprecation(s) per customer</source>
        <translation>
            <numerusform>Over the limit of %n deprecation per customer</numerusform>
            <numerusform>Over the limit of %n deprecations per customer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Over the limit of %n amendment(s) per customer</source>
        <translation>
            <numerusform>Over the limit of %n amendment per customer</numerusform>
            <numerusform>Over the limit of %n amendments per customer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n day(s) for %2; use a backfill instead.</source>
        <translation>
            <numerusform>%1 in %n day for %2; use a backfill instead.</numerusform>
            <numerusform>%1 in %n days for %2; use a backfill instead.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ul::gui::CorrectionsHub</name>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot create the journal folder %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>The correction journal of “%1” cannot be opened: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Corrections cannot be sent to “%1”: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>The ops annotation of a correction was not recorded: %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::CorrectionsView</name>
    <message>
        <source>All actions</source>
        <translation></translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n correction(s) queued in an earlier session have not been sent to “%1” yet. Send them now, or discard them (their journal entries become cancelled)?</source>
        <translation>
            <numerusform>%n correction queued in an earlier session has not been sent to “%1” yet. Send it now, or discard it (its journal entry becomes cancelled)?</numerusform>
            <numerusform>%n corrections queued in an earlier session have not been sent to “%1” yet. Send them now, or discard them (their journal entries become cancelled)?</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Nothing waiting to be sent.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n correction(s) failed and can be retried.</source>
        <translation>
            <numerusform>%n correction failed and can be retried.</numerusform>
            <numerusform>%n corrections failed and can be retried.</numerusform>
        </translation>
    </message>
    <message>
        <source>(paused)</source>
        <translation></translation>
    </message>
    <message>
        <source>Entry #%1 · %2 · %3</source>
        <translation></translation>
    </message>
    <message>
        <source>Operation: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Annotation: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Events: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Before:</source>
        <translation></translation>
    </message>
    <message>
        <source>After:</source>
        <translation></translation>
    </message>
    <message>
        <source>Server&apos;s answer (HTTP %1):</source>
        <translation></translation>
    </message>
    <message>
        <source>newest %1 of %2 entries</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message>
        <source>No failed correction to retry.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Sending %n failed correction(s) again</source>
        <translation>
            <numerusform>Sending %n failed correction again</numerusform>
            <numerusform>Sending %n failed corrections again</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to withdraw: corrections being sent cannot be withdrawn.</source>
        <translation></translation>
    </message>
    <message>
        <source>The event&apos;s current version could not be read: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The server no longer has event %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Undo journal entry #%1? Event %2 is amended back to its earlier version:
%3</source>
        <translation></translation>
    </message>
    <message>
        <source>Warning: the event changed on the server since that amendment; those later changes are replaced too.</source>
        <translation></translation>
    </message>
    <message>
        <source>Undo amendment</source>
        <translation></translation>
    </message>
    <message>
        <source>Undoing the amendment of %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Undo of journal entry #%1</source>
        <translation></translation>
    </message>
    <message>
        <source>No journal is open.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Export the journal</source>
        <translation></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n entries exported.</source>
        <translation>
            <numerusform>%n entry exported.</numerusform>
            <numerusform>%n entries exported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ul::gui::CreateBackfillWizard</name>
    <message>
        <source>New backfill</source>
        <translation></translation>
    </message>
    <message>
        <source>Close</source>
        <translation></translation>
    </message>
    <message>
        <source>The import goes on in the background until every event is sent; the Backfills view shows the backfill&apos;s events as they arrive. Close this window?</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::CustomerCounter</name>
    <message>
        <source>the server answered HTTP %1</source>
        <translation></translation>
    </message>
    <message>
        <source>the server answered HTTP %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>the server&apos;s answer is not a list of customers</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::DeprecateDialog</name>
    <message numerus="yes">
        <source>%n event(s) would be refused by the server and will not be sent:</source>
        <translation>
            <numerusform>%n event would be refused by the server and will not be sent:</numerusform>
            <numerusform>%n events would be refused by the server and will not be sent:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Deprecate %n event(s)</source>
        <translation>
            <numerusform>&amp;Deprecate %n event</numerusform>
            <numerusform>&amp;Deprecate %n events</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;None of the selected events can be deprecated.&lt;/b&gt;</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Deprecate %1 of %2?&lt;/b&gt;</source>
        <translation></translation>
    </message>
    <message>
        <source>Deprecation cannot be undone: the server ignores these events for billing from now on, and refuses to ingest their ids again.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Deprecating %n event(s)</source>
        <translation>
            <numerusform>Deprecating %n event</numerusform>
            <numerusform>Deprecating %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ul::gui::EmbeddedSandbox</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::EventDetailPane</name>
    <message>
        <source>text</source>
        <translation></translation>
    </message>
    <message>
        <source>integer</source>
        <translation></translation>
    </message>
    <message>
        <source>number</source>
        <translation></translation>
    </message>
    <message>
        <source>boolean</source>
        <translation></translation>
    </message>
    <message>
        <source>ingested</source>
        <translation></translation>
    </message>
    <message>
        <source>amended</source>
        <translation></translation>
    </message>
    <message>
        <source>deprecated</source>
        <translation></translation>
    </message>
    <message>
        <source>—</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Deprecated: no longer counts towards usage or invoices</source>
        <translation></translation>
    </message>
    <message>
        <source>Active</source>
        <translation></translation>
    </message>
    <message>
        <source>Not connected to a server.</source>
        <translation></translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation></translation>
    </message>
    <message>
        <source>History is not available on this server.</source>
        <translation></translation>
    </message>
    <message>
        <source>The history could not be loaded: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>1 version: never amended.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n versions; select one to see it.</source>
        <translation>
            <numerusform>%n version; select one to see it.</numerusform>
            <numerusform>%n versions; select one to see it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ul::gui::EventExport</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::EventTableModel</name>
    <message>
        <source>deprecated</source>
        <translation></translation>
    </message>
    <message>
        <source>Id</source>
        <translation></translation>
    </message>
    <message>
        <source>Event name</source>
        <translation></translation>
    </message>
    <message>
        <source>Customer id</source>
        <translation></translation>
    </message>
    <message>
        <source>External customer id</source>
        <translation></translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation></translation>
    </message>
    <message>
        <source>Property “%1”. Right-click the header to show or hide columns.</source>
        <translation></translation>
    </message>
    <message>
        <source>Right-click the header to show or hide columns.</source>
        <translation></translation>
    </message>
    <message>
        <source>Timestamp (%1)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::EventsView</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation></translation>
    </message>
    <message>
        <source>deprecated</source>
        <translation></translation>
    </message>
    <message>
        <source>Last 7 days (Orb&apos;s default)</source>
        <translation></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation></translation>
    </message>
    <message>
        <source>All time</source>
        <translation></translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation></translation>
    </message>
    <message>
        <source>Run lookup</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancel lookup</source>
        <translation></translation>
    </message>
    <message>
        <source>Filter results</source>
        <translation></translation>
    </message>
    <message>
        <source>Edit ids</source>
        <translation></translation>
    </message>
    <message>
        <source>Next result</source>
        <translation></translation>
    </message>
    <message>
        <source>Previous result</source>
        <translation></translation>
    </message>
    <message>
        <source>Show details</source>
        <translation></translation>
    </message>
    <message>
        <source>Copy ids</source>
        <translation></translation>
    </message>
    <message>
        <source>Copy rows as JSON</source>
        <translation></translation>
    </message>
    <message>
        <source>Export results…</source>
        <translation></translation>
    </message>
    <message>
        <source>Counting ids…</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%Ln ids</source>
        <translation>
            <numerusform>%Ln id</numerusform>
            <numerusform>%Ln ids</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste or type at least one event id, then run the lookup.</source>
        <translation></translation>
    </message>
    <message>
        <source>Loading ids…</source>
        <translation></translation>
    </message>
    <message>
        <source>No event ids found in %1.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %Ln ids from %1. Press Enter to look them up.</source>
        <translation>
            <numerusform>Loaded %Ln id from %1. Press Enter to look it up.</numerusform>
            <numerusform>Loaded %Ln ids from %1. Press Enter to look them up.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %Ln ids, but some files could not be read: %1</source>
        <translation>
            <numerusform>Loaded %Ln id, but some files could not be read: %1</numerusform>
            <numerusform>Loaded %Ln ids, but some files could not be read: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Orb searches the last 7 days unless told otherwise; older events need a wider timeframe.</source>
        <translation></translation>
    </message>
    <message>
        <source>Up to now, in UTC.</source>
        <translation></translation>
    </message>
    <message>
        <source>Every event, whatever its timestamp.</source>
        <translation></translation>
    </message>
    <message>
        <source>From is inclusive, To is exclusive; both in UTC.</source>
        <translation></translation>
    </message>
    <message>
        <source>Not connected to a server yet: the lookup can run once the connection is up.</source>
        <translation></translation>
    </message>
    <message>
        <source>The end of the timeframe must be after its start.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 / %2 ids</source>
        <translation></translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 ids/s</source>
        <translation></translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Found %1 of %Ln ids</source>
        <translation>
            <numerusform>Found %1 of %Ln id</numerusform>
            <numerusform>Found %1 of %Ln ids</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 not found</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 not looked up</source>
        <translation></translation>
    </message>
    <message>
        <source>in %1 ms</source>
        <translation></translation>
    </message>
    <message>
        <source>in %1 s</source>
        <translation></translation>
    </message>
    <message>
        <source>The table still shows the results of the previous lookup.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%Ln ids could not be looked up: </source>
        <translation>
            <numerusform>%Ln id could not be looked up: </numerusform>
            <numerusform>%Ln ids could not be looked up: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(and %n other errors)</source>
        <translation>
            <numerusform>(and %n other error)</numerusform>
            <numerusform>(and %n other errors)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more were not looked up: the lookup was cancelled.</source>
        <translation>
            <numerusform>%Ln more was not looked up: the lookup was cancelled.</numerusform>
            <numerusform>%Ln more were not looked up: the lookup was cancelled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retry %Ln ids</source>
        <translation>
            <numerusform>Retry %Ln id</numerusform>
            <numerusform>Retry %Ln ids</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lookup cancelled: %Ln ids were not looked up.</source>
        <translation>
            <numerusform>Lookup cancelled: %Ln id was not looked up.</numerusform>
            <numerusform>Lookup cancelled: %Ln ids were not looked up.</numerusform>
        </translation>
    </message>
    <message>
        <source>Look them up</source>
        <translation></translation>
    </message>
    <message>
        <source>Look up the ids on the server (Enter in the ids box, or Ctrl+Enter)</source>
        <translation></translation>
    </message>
    <message>
        <source>Not connected to a server yet</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%Ln ids not found</source>
        <translation>
            <numerusform>%Ln id not found</numerusform>
            <numerusform>%Ln ids not found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln events</source>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln events</source>
        <translation>
            <numerusform>%1 of %Ln event</numerusform>
            <numerusform>%1 of %Ln events</numerusform>
        </translation>
    </message>
    <message>
        <source>No events found</source>
        <translation></translation>
    </message>
    <message>
        <source>The server knows none of these ids.</source>
        <translation></translation>
    </message>
    <message>
        <source>None of the ids was found in this timeframe. Older events need a wider one: try “All time”.</source>
        <translation></translation>
    </message>
    <message>
        <source>There are no results to export.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln events to %1.</source>
        <translation>
            <numerusform>Exported %Ln event to %1.</numerusform>
            <numerusform>Exported %Ln events to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation></translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation></translation>
    </message>
    <message>
        <source>Export results</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::HeaderStateKeeper</name>
    <message>
        <source>Columns</source>
        <translation></translation>
    </message>
    <message>
        <source>Show all columns</source>
        <translation></translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation></translation>
    </message>
    <message>
        <source>Show every column with its default width, in the default order</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::IdsFile</name>
    <message>
        <source>%1 does not exist.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is a folder; drop a text file of event ids.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is too large (%2); files of ids up to %3 can be loaded.</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is too large; files of ids up to %2 can be loaded.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is not a text file.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is not a text file in UTF-8 or UTF-16.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::ImportDryRunPage</name>
    <message>
        <source>Create and import</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Reading the file… %n row(s) so far.</source>
        <translation>
            <numerusform>Reading the file… %n row so far.</numerusform>
            <numerusform>Reading the file… %n rows so far.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation></translation>
    </message>
    <message>
        <source>not connected to a server</source>
        <translation></translation>
    </message>
    <message>
        <source>The file cannot be imported: %1</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read.</source>
        <translation>
            <numerusform>%n row read.</numerusform>
            <numerusform>%n rows read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) will be imported</source>
        <translation>
            <numerusform>%n event will be imported</numerusform>
            <numerusform>%n events will be imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, for %n customer(s)</source>
        <translation>
            <numerusform>, for %n customer</numerusform>
            <numerusform>, for %n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, touching %n hour(s)</source>
        <translation>
            <numerusform>, touching %n hour</numerusform>
            <numerusform>, touching %n hours</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 – %2 %3)</source>
        <translation></translation>
    </message>
    <message>
        <source>Not imported: %1 with a duplicate key, %2 outside the timeframe, %3 for another customer, %4 failing validation (%5 unreadable, %6 malformed, %7 refused by the ingest rules).</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) without an idempotency key get one made from the file and the line, so importing again never duplicates them.</source>
        <translation>
            <numerusform>%n row without an idempotency key gets one made from the file and the line, so importing again never duplicates it.</numerusform>
            <numerusform>%n rows without an idempotency key get one made from the file and the line, so importing again never duplicates them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to import.</source>
        <translation></translation>
    </message>
    <message>
        <source>The server&apos;s event volume could not be loaded: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Not connected to a server: the backfill cannot be created now.</source>
        <translation></translation>
    </message>
    <message>
        <source>On the server now</source>
        <translation></translation>
    </message>
    <message>
        <source>In this file</source>
        <translation></translation>
    </message>
    <message>
        <source>After closing</source>
        <translation></translation>
    </message>
    <message>
        <source>Added to the existing events: after closing, each hour counts both.</source>
        <translation></translation>
    </message>
    <message>
        <source>Replaces every event of the timeframe: after closing, each hour counts only the file&apos;s events.</source>
        <translation></translation>
    </message>
    <message>
        <source>Replaces only some existing events (one customer or a filter): after closing, each hour counts the file&apos;s events plus the existing events that are not replaced.</source>
        <translation></translation>
    </message>
    <message>
        <source>The server&apos;s counts are missing: %1</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Create a backfill for %1 and import %n event(s) into it?</source>
        <translation>
            <numerusform>Create a backfill for %1 and import %n event into it?</numerusform>
            <numerusform>Create a backfill for %1 and import %n events into it?</numerusform>
        </translation>
    </message>
    <message>
        <source>Once closed, its events are added to the existing ones.</source>
        <translation></translation>
    </message>
    <message>
        <source>Once closed, its events replace the existing ones that match “%1”.</source>
        <translation></translation>
    </message>
    <message>
        <source>Once closed, its events replace every existing one.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of the file are not imported.</source>
        <translation>
            <numerusform>%n row of the file is not imported.</numerusform>
            <numerusform>%n rows of the file are not imported.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing counts for billing until you close the backfill; you can revert it.</source>
        <translation></translation>
    </message>
    <message>
        <source>Create backfill</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Creating a backfill and importing %n event(s)</source>
        <translation>
            <numerusform>Creating a backfill and importing %n event</numerusform>
            <numerusform>Creating a backfill and importing %n events</numerusform>
        </translation>
    </message>
    <message>
        <source>Export bad rows</source>
        <translation></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::ImportFilePage</name>
    <message>
        <source>There is no readable file at %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1, last changed %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>File to import</source>
        <translation></translation>
    </message>
    <message>
        <source>Events (*.jsonl *.ndjson *.csv);;All files (*)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::ImportMappingPage</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Column</source>
        <translation></translation>
    </message>
    <message>
        <source>Holds</source>
        <translation></translation>
    </message>
    <message>
        <source>Type</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::ImportProgressPage</name>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>about %n s left</numerusform>
            <numerusform>about %n s left</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 min %2 s left</source>
        <translation></translation>
    </message>
    <message>
        <source>The server did not create the backfill: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Creating the backfill…</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not create the backfill: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The outbox closed before the import could start.</source>
        <translation></translation>
    </message>
    <message>
        <source>Import of %1 into backfill %2</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Done: %n event(s) are in backfill %1</source>
        <translation>
            <numerusform>Done: %n event is in backfill %1</numerusform>
            <numerusform>Done: %n events are in backfill %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n event(s) were refused and stay in the outbox for retry</source>
        <translation>
            <numerusform>; %n event was refused and stays in the outbox for retry</numerusform>
            <numerusform>; %n events were refused and stay in the outbox for retry</numerusform>
        </translation>
    </message>
    <message>
        <source>. Check the volume, then close the backfill in the Backfills view.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n event(s) had been sent; they stay in the pending backfill (revert it to discard them).</source>
        <translation>
            <numerusform>Cancelled: %n event had been sent; it stays in the pending backfill (revert it to discard it).</numerusform>
            <numerusform>Cancelled: %n events had been sent; they stay in the pending backfill (revert it to discard them).</numerusform>
        </translation>
    </message>
    <message>
        <source>The import stopped: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Backfill %1 created; importing %2…</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 events/s · %2 queued · %3 confirmed · %4 not imported</source>
        <translation></translation>
    </message>
    <message>
        <source>Paused: nothing more is sent until you resume.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::JournalTableModel</name>
    <message>
        <source>pending</source>
        <translation></translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation></translation>
    </message>
    <message>
        <source>failed</source>
        <translation></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 (undo of #%2)</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 (retry of #%2)</source>
        <translation></translation>
    </message>
    <message>
        <source>%1, undone by #%2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1, final</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%1, … (%n event(s))</source>
        <translation>
            <numerusform>%1, … (%n event)</numerusform>
            <numerusform>%1, … (%n events)</numerusform>
        </translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>Action</source>
        <translation></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation></translation>
    </message>
    <message>
        <source>Events</source>
        <translation></translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation></translation>
    </message>
    <message>
        <source>Message</source>
        <translation></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::MainWindow</name>
    <message>
        <source>&lt;h3&gt;UsageLens %1&lt;/h3&gt;&lt;p&gt;Inspect and correct usage events in an Orb-compatible usage-billing API.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;&lt;p&gt;Licensed under the %4.&lt;/p&gt;</source>
        <translation></translation>
    </message>
    <message>
        <source>About UsageLens</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 Open Settings to enter the API token.</source>
        <translation></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation></translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation></translation>
    </message>
    <message>
        <source>Local workspace</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n event(s) done.</source>
        <translation>
            <numerusform>%1: %n event done.</numerusform>
            <numerusform>%1: %n events done.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 done, %3 failed (see Corrections).</source>
        <translation></translation>
    </message>
    <message>
        <source>Event &amp;volume</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::ProductionBanner</name>
    <message>
        <source>PRODUCTION — %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Production profile %1: every write must be confirmed</source>
        <translation></translation>
    </message>
    <message>
        <source>You are connected to a production server. Every write asks you to type the profile name.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::ProductionConfirmDialog</name>
    <message>
        <source>This change</source>
        <translation></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1 goes to the production server “%2”.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Mistakes there cost real money. Type the profile name, &lt;b&gt;%2&lt;/b&gt;, to confirm.&lt;/p&gt;</source>
        <translation></translation>
    </message>
    <message>
        <source>Write to production</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::ProfileListModel</name>
    <message>
        <source>%1 — production</source>
        <translation></translation>
    </message>
    <message>
        <source>The embedded sandbox on this computer</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::ProfileSwitcher</name>
    <message>
        <source>Connection profile</source>
        <translation></translation>
    </message>
    <message>
        <source>The connection profile every view works on</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::PropertyTableModel</name>
    <message>
        <source>text</source>
        <translation></translation>
    </message>
    <message>
        <source>number</source>
        <translation></translation>
    </message>
    <message>
        <source>boolean</source>
        <translation></translation>
    </message>
    <message>
        <source>Row %1: the key must not be empty.</source>
        <translation></translation>
    </message>
    <message>
        <source>“%1”: the key must not start or end with spaces.</source>
        <translation></translation>
    </message>
    <message>
        <source>“%1”: the key is used twice.</source>
        <translation></translation>
    </message>
    <message>
        <source>“%1”: “%2” is not a number.</source>
        <translation></translation>
    </message>
    <message>
        <source>Property</source>
        <translation></translation>
    </message>
    <message>
        <source>Type</source>
        <translation></translation>
    </message>
    <message>
        <source>Value</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::SettingsDialog</name>
    <message>
        <source>Hide</source>
        <translation></translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation></translation>
    </message>
    <message>
        <source>Orb-compatible server</source>
        <translation></translation>
    </message>
    <message>
        <source>Local sandbox (embedded)</source>
        <translation></translation>
    </message>
    <message>
        <source>UTC</source>
        <translation></translation>
    </message>
    <message>
        <source>Local time</source>
        <translation></translation>
    </message>
    <message>
        <source>Follow the platform</source>
        <translation></translation>
    </message>
    <message>
        <source>Light</source>
        <translation></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation></translation>
    </message>
    <message>
        <source>System language</source>
        <translation></translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation></translation>
    </message>
    <message>
        <source>Chosen when the sandbox starts</source>
        <translation></translation>
    </message>
    <message>
        <source>Made anew each time the sandbox starts</source>
        <translation></translation>
    </message>
    <message>
        <source>Reading from the keychain…</source>
        <translation></translation>
    </message>
    <message>
        <source>Paste the API token</source>
        <translation></translation>
    </message>
    <message>
        <source>The embedded sandbox makes a new token each time it starts; nothing is stored.</source>
        <translation></translation>
    </message>
    <message>
        <source>Reading the token from the keychain…</source>
        <translation></translation>
    </message>
    <message>
        <source>No keychain is reachable (%1). Tokens you enter are kept for this run only, unless you choose on the General page to store them in a file.</source>
        <translation></translation>
    </message>
    <message>
        <source>Tokens are kept in the system keychain, never in settings files.</source>
        <translation></translation>
    </message>
    <message>
        <source>Profile colour</source>
        <translation></translation>
    </message>
    <message>
        <source>New profile</source>
        <translation></translation>
    </message>
    <message>
        <source>New profile (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation></translation>
    </message>
    <message>
        <source>The embedded sandbox is not running yet.</source>
        <translation></translation>
    </message>
    <message>
        <source>Enter the API token first.</source>
        <translation></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation></translation>
    </message>
    <message>
        <source>Connected: %1 accepted the token.</source>
        <translation></translation>
    </message>
    <message>
        <source>“%1” has a problem: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>“%1” was not saved: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::TimeDisplay</name>
    <message>
        <source>local time</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::UnfinishedImportsBar</name>
    <message>
        <source>Unfinished imports cannot be read from the outbox: %1</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>The import of %1 is finished: %n event(s) confirmed by the server.</source>
        <translation>
            <numerusform>The import of %1 is finished: %n event confirmed by the server.</numerusform>
            <numerusform>The import of %1 is finished: %n events confirmed by the server.</numerusform>
        </translation>
    </message>
    <message>
        <source>The import of %1 was cancelled.</source>
        <translation></translation>
    </message>
    <message>
        <source>The import of %1 stopped: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Resuming the import of %1…</source>
        <translation></translation>
    </message>
    <message>
        <source>The unfinished import cannot be forgotten: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Importing %1: %2 of the file read, %3 events confirmed, %4 events/s.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Resume import</source>
        <translation></translation>
    </message>
    <message>
        <source>Continue after the last row the earlier session queued; nothing is sent twice</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation></translation>
    </message>
    <message>
        <source>Do not continue this import (what it already queued stays in the outbox)</source>
        <translation></translation>
    </message>
    <message>
        <source>The import of %1 stopped after line %2 when the app was closed.</source>
        <translation></translation>
    </message>
    <message>
        <source>The import of %1 into backfill %2 stopped after line %3 when the app was closed.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::VolumeChart</name>
    <message>
        <source>Hour (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>Events</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 – %2 %3</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::VolumeModel</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Hour from (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>Until (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>Events</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::VolumeView</name>
    <message>
        <source>Loading… %1 of %2 hours</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not load the event volume: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Not connected to a server.</source>
        <translation></translation>
    </message>
    <message>
        <source>The end of the range must be after its start.</source>
        <translation></translation>
    </message>
    <message>
        <source>Choose at most a year.</source>
        <translation></translation>
    </message>
    <message>
        <source>Events counted</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) counted for billing</source>
        <translation>
            <numerusform>%n event counted for billing</numerusform>
            <numerusform>%n events counted for billing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> in %n hour(s). Wheel or drag to zoom, middle-drag or arrow keys to pan; hover for exact counts.</source>
        <translation>
            <numerusform> in %n hour. Wheel or drag to zoom, middle-drag or arrow keys to pan; hover for exact counts.</numerusform>
            <numerusform> in %n hours. Wheel or drag to zoom, middle-drag or arrow keys to pan; hover for exact counts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export event volume</source>
        <translation></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n hour(s) to %1.</source>
        <translation>
            <numerusform>Saved %n hour to %1.</numerusform>
            <numerusform>Saved %n hours to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ul::gui::WebhookListModel</name>
    <message>
        <source>Failed delivery tries in the last 24 hours</source>
        <translation></translation>
    </message>
    <message>
        <source>URL</source>
        <translation></translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation></translation>
    </message>
    <message>
        <source>Failures (24 h)</source>
        <translation></translation>
    </message>
    <message>
        <source>Created</source>
        <translation></translation>
    </message>
    <message>
        <source>Id</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::WebhooksDialog</name>
    <message>
        <source>Not connected to a server.</source>
        <translation></translation>
    </message>
    <message>
        <source>Loading webhooks…</source>
        <translation></translation>
    </message>
    <message>
        <source>Loading webhooks failed: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>No webhooks yet.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n webhook(s).</source>
        <translation>
            <numerusform>%n webhook.</numerusform>
            <numerusform>%n webhooks.</numerusform>
        </translation>
    </message>
    <message>
        <source>The URL must be an absolute http or https URL, such as https://billing.example.com/hooks.</source>
        <translation></translation>
    </message>
    <message>
        <source>Choose at least one subscription.</source>
        <translation></translation>
    </message>
    <message>
        <source>Adding the webhook…</source>
        <translation></translation>
    </message>
    <message>
        <source>The webhook was not added: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Added %1. Copy its signing secret now: it is not shown again.</source>
        <translation></translation>
    </message>
    <message>
        <source>Delete webhooks</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n webhook(s)? Their pending deliveries are cancelled; their attempts stay listed.

%1</source>
        <translation>
            <numerusform>Delete %n webhook? Its pending deliveries are cancelled; its attempts stay listed.

%1</numerusform>
            <numerusform>Delete %n webhooks? Their pending deliveries are cancelled; their attempts stay listed.

%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Webhook %1 was not deleted: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::WorkspaceModel</name>
    <message>
        <source>deprecated</source>
        <translation></translation>
    </message>
    <message>
        <source>local (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation></translation>
    </message>
    <message>
        <source>Local copy from the workspace, kept from %1 at %2 UTC.</source>
        <translation></translation>
    </message>
    <message>
        <source>Id</source>
        <translation></translation>
    </message>
    <message>
        <source>Event name</source>
        <translation></translation>
    </message>
    <message>
        <source>Customer id</source>
        <translation></translation>
    </message>
    <message>
        <source>External customer id</source>
        <translation></translation>
    </message>
    <message>
        <source>Timestamp (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation></translation>
    </message>
    <message>
        <source>Source</source>
        <translation></translation>
    </message>
    <message>
        <source>Kept at (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>Every row here is a local copy from the workspace, and where it was fetched from.</source>
        <translation></translation>
    </message>
    <message>
        <source>Property “%1”</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::gui::WorkspaceView</name>
    <message>
        <source>&amp;Customer</source>
        <translation></translation>
    </message>
    <message>
        <source>customer id or external id</source>
        <translation></translation>
    </message>
    <message>
        <source>Event &amp;name</source>
        <translation></translation>
    </message>
    <message>
        <source>event name</source>
        <translation></translation>
    </message>
    <message>
        <source>From (UTC)</source>
        <translation></translation>
    </message>
    <message>
        <source>to, not including</source>
        <translation></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Properties</source>
        <translation></translation>
    </message>
    <message>
        <source>property filter, e.g. region = &apos;eu&apos; AND ms &gt; 100</source>
        <translation></translation>
    </message>
    <message>
        <source>Compare properties with =, !=, &lt;, &lt;=, &gt;, &gt;= and combine with AND, OR, NOT and parentheses. Text in single quotes (&apos;eu&apos;) or as a bare word (eu); numbers; true and false. A comparison is false when the event lacks the property or it has another type.</source>
        <translation></translation>
    </message>
    <message>
        <source>Column %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Local workspace: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Local workspace: querying…</source>
        <translation></translation>
    </message>
    <message>
        <source>Local workspace: %1 of %2 events match · %3 ms</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ul::workspace::WorkspaceService</name>
    <message>
        <source>The workspace is not open.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot open the local workspace: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Events could not be kept in the local workspace: %1</source>
        <translation></translation>
    </message>
</context>
</TS>
