<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>FeedbackText</name>
    <message numerus="yes">
        <location filename="../src/core/feedback/feedbackmarkdown.cpp" line="+162"/>
        <source>… (%n more lines)</source>
        <translation>
            <numerusform>… (%n more line)</numerusform>
            <numerusform>… (%n more lines)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+86"/>
        <source>%n screenshot(s) attached in App Store Connect.</source>
        <translation>
            <numerusform>%n screenshot attached in App Store Connect.</numerusform>
            <numerusform>%n screenshots attached in App Store Connect.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ascend::models::TestFlightBuildModel</name>
    <message numerus="yes">
        <location filename="../src/models/testflightbuildmodel.cpp" line="+176"/>
        <source>%1 · %2 — %n build(s)</source>
        <translation>
            <numerusform>%1 · %2 — %n build</numerusform>
            <numerusform>%1 · %2 — %n builds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ascend::models::WebhookListModel</name>
    <message numerus="yes">
        <location filename="../src/models/webhooklistmodel.cpp" line="+60"/>
        <source>%n event type(s)</source>
        <translation>
            <numerusform>%n event type</numerusform>
            <numerusform>%n event types</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ascend::ui::CrashLogEditor</name>
    <message numerus="yes">
        <location filename="../src/ui/crashlogviewereditor.cpp" line="+257"/>
        <source>%n more line(s)</source>
        <translation>
            <numerusform>%n more line</numerusform>
            <numerusform>%n more lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ascend::ui::CrashLogViewer</name>
    <message numerus="yes">
        <location filename="../src/ui/crashlogviewer.cpp" line="+416"/>
        <location line="+15"/>
        <source>%n frame(s)</source>
        <translation>
            <numerusform>%n frame</numerusform>
            <numerusform>%n frames</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-5"/>
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ascend::ui::FeedbackDetailPanel</name>
    <message numerus="yes">
        <location filename="../src/ui/feedbackdetailpanel.cpp" line="+160"/>
        <source>%n submission(s) selected.
Mark them, export them or copy them as text.</source>
        <translation>
            <numerusform>%n submission selected.
Mark it, export it or copy it as text.</numerusform>
            <numerusform>%n submissions selected.
Mark them, export them or copy them as text.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+88"/>
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n daies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ascend::ui::FeedbackGridDelegate</name>
    <message numerus="yes">
        <location filename="../src/ui/feedbackgriddelegate.cpp" line="+127"/>
        <source>%n screenshot(s)</source>
        <translation>
            <numerusform>%n screenshot</numerusform>
            <numerusform>%n screenshots</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ascend::ui::FeedbackPane</name>
    <message numerus="yes">
        <location filename="../src/ui/feedbackpane.cpp" line="+616"/>
        <source>%n submission(s)</source>
        <translation>
            <numerusform>%n submission</numerusform>
            <numerusform>%n submissions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+323"/>
        <source>Delete %n submission(s)?</source>
        <translation>
            <numerusform>Delete %n submission?</numerusform>
            <numerusform>Delete %n submissions?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>Could not delete %1 of %n submission(s)</source>
        <translation>
            <numerusform>Could not delete %1 of %n submission</numerusform>
            <numerusform>Could not delete %1 of %n submissions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>Exporting %n submission(s)…</source>
        <translation>
            <numerusform>Exporting %n submission…</numerusform>
            <numerusform>Exporting %n submissions…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n file(s) written to %1 before it stopped.</source>
        <translation>
            <numerusform>%n file written to %1 before it stopped.</numerusform>
            <numerusform>%n files written to %1 before it stopped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The export finished with %n problem(s)</source>
        <translation>
            <numerusform>The export finished with %n problem</numerusform>
            <numerusform>The export finished with %n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n file(s) written to %1.</source>
        <translation>
            <numerusform>%n file written to %1.</numerusform>
            <numerusform>%n files written to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ascend::ui::LogViewer</name>
    <message numerus="yes">
        <location filename="../src/ui/logviewer.cpp" line="+423"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n message(s) shown</source>
        <translation>
            <numerusform>%1 of %n message shown</numerusform>
            <numerusform>%1 of %n messages shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ascend::ui::TestFlightPane</name>
    <message numerus="yes">
        <location filename="../src/ui/testflightpane.cpp" line="+927"/>
        <source>The group and its build assignments are removed. Its %n tester(s) stay in your account.</source>
        <translation>
            <numerusform>The group and its build assignments are removed. Its %n tester stays in your account.</numerusform>
            <numerusform>The group and its build assignments are removed. Its %n testers stay in your account.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+66"/>
        <source>Remove %n tester(s) from &quot;%1&quot;?</source>
        <translation>
            <numerusform>Remove %n tester from &quot;%1&quot;?</numerusform>
            <numerusform>Remove %n testers from &quot;%1&quot;?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+51"/>
        <source>%n tester(s) imported</source>
        <translation>
            <numerusform>%n tester imported</numerusform>
            <numerusform>%n testers imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n row(s) skipped</source>
        <translation>
            <numerusform>%n row skipped</numerusform>
            <numerusform>%n rows skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>Exported %n tester(s) to %1.</source>
        <translation>
            <numerusform>Exported %n tester to %1.</numerusform>
            <numerusform>Exported %n testers to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ascend::ui::TesterImportDialog</name>
    <message numerus="yes">
        <location filename="../src/ui/testerimportdialog.cpp" line="+68"/>
        <source>%1 of %n row(s) can be imported.</source>
        <translation>
            <numerusform>%1 of %n row can be imported.</numerusform>
            <numerusform>%1 of %n rows can be imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+85"/>
        <source>%n tester(s) imported</source>
        <translation>
            <numerusform>%n tester imported</numerusform>
            <numerusform>%n testers imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n row(s) skipped</source>
        <translation>
            <numerusform>%n row skipped</numerusform>
            <numerusform>%n rows skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ascend::ui::UploadsPane</name>
    <message numerus="yes">
        <location filename="../src/ui/uploadspane.cpp" line="+366"/>
        <source>%n upload(s) did not finish last time</source>
        <translation>
            <numerusform>%n upload did not finish last time</numerusform>
            <numerusform>%n uploads did not finish last time</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ascend::ui::WebhookDeliveriesWidget</name>
    <message numerus="yes">
        <location filename="../src/ui/webhookdeliverieswidget.cpp" line="+247"/>
        <source>%n delivery(s), %1 failed</source>
        <translation>
            <numerusform>%n delivery, %1 failed</numerusform>
            <numerusform>%n deliveries, %1 failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n delivery(s)</source>
        <translation>
            <numerusform>%n delivery</numerusform>
            <numerusform>%n deliveries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ascend::ui::WebhookEventsWidget</name>
    <message numerus="yes">
        <location filename="../src/ui/webhookeventswidget.cpp" line="+434"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 of %n event</numerusform>
            <numerusform>%1 of %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ascend::ui::WebhooksPane</name>
    <message numerus="yes">
        <location filename="../src/ui/webhookspane.cpp" line="+525"/>
        <source>%n webhook(s)</source>
        <translation>
            <numerusform>%n webhook</numerusform>
            <numerusform>%n webhooks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+156"/>
        <source>%n webhook(s) of this app have no secret on this computer: notifications signed with them are rejected (401). Generate a new secret in Settings to fix that.</source>
        <translation>
            <numerusform>%n webhook of this app has no secret on this computer: notifications signed with it are rejected (401). Generate a new secret in Settings to fix that.</numerusform>
            <numerusform>%n webhooks of this app have no secret on this computer: notifications signed with them are rejected (401). Generate a new secret in Settings to fix that.</numerusform>
        </translation>
    </message>
</context>
</TS>
