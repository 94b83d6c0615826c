<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB">
<context>
    <name>ChoicesPanel</name>
    <message>
        <source>Your story</source>
        <translation>Eich stori</translation>
    </message>
    <message>
        <source>You decide what goes in. Nothing here is shared unless you save or print it yourself.</source>
        <translation>Chi sy&apos;n penderfynu beth sy&apos;n mynd i mewn. Does dim byd yma&apos;n cael ei rannu oni bai eich bod chi&apos;n ei gadw neu&apos;n ei argraffu eich hun.</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Dewisol</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Teitl</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Eich enw</translation>
    </message>
    <message>
        <source>What goes in, and in which order</source>
        <translation>Beth sy&apos;n mynd i mewn, ac ym mha drefn</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Symud i fyny</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Symud i lawr</translation>
    </message>
    <message>
        <source>Add another answer to “More about me”</source>
        <translation>Ychwanegu ateb arall at “Mwy amdana i”</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ychwanegu</translation>
    </message>
    <message>
        <source>Print unanswered questions with space to write on</source>
        <translation>Argraffu&apos;r cwestiynau heb eu hateb, gyda lle i ysgrifennu</translation>
    </message>
    <message>
        <source>Add a last page: “For our conversation”</source>
        <translation>Ychwanegu tudalen olaf: “Ar gyfer ein sgwrs”</translation>
    </message>
    <message>
        <source>Include what I noted in my stocktake to discuss</source>
        <translation>Cynnwys yr hyn a nodais yn fy mhwyso a mesur i&apos;w drafod</translation>
    </message>
    <message>
        <source>Points to raise, one on each line</source>
        <translation>Pwyntiau i&apos;w codi, un ar bob llinell</translation>
    </message>
    <message>
        <source>Points to raise</source>
        <translation>Pwyntiau i&apos;w codi</translation>
    </message>
    <message>
        <source>One on each line</source>
        <translation>Un ar bob llinell</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papur</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Cadw PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Argraffu…</translation>
    </message>
</context>
<context>
    <name>LanguagePanel</name>
    <message>
        <source>Some words have gentler, recovery-focused alternatives. They are underlined here; rest the pointer on one, or press F8 to go from one to the next, to see a suggestion. You decide: nothing is changed for you.</source>
        <translation>Mae gan rai geiriau ddewisiadau eraill mwy caredig, sy&apos;n canolbwyntio ar adferiad. Maen nhw wedi&apos;u tanlinellu yma; rhowch y pwyntydd ar un, neu pwyswch F8 i fynd o un i&apos;r nesaf, i weld awgrym. Chi sy&apos;n penderfynu: does dim byd yn cael ei newid ar eich rhan.</translation>
    </message>
    <message>
        <source>Your story, with phrases to look at marked</source>
        <translation>Eich stori, gyda&apos;r ymadroddion i edrych arnyn nhw wedi&apos;u marcio</translation>
    </message>
    <message>
        <source>Phrases you might put another way</source>
        <translation>Ymadroddion y gallech eu dweud mewn ffordd arall</translation>
    </message>
    <message>
        <source>Language and impact</source>
        <translation>Iaith ac effaith</translation>
    </message>
    <message>
        <source>No suggestions: the helper found nothing to mention.</source>
        <translation>Dim awgrymiadau: ni chafodd y cynorthwyydd ddim byd i&apos;w nodi.</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>Updating the preview…</source>
        <translation>Yn diweddaru&apos;r rhagolwg…</translation>
    </message>
    <message>
        <source>{pages} pages</source>
        <translation>{pages} tudalen</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 dudalen</translation>
    </message>
</context>
<context>
    <name>StoryChooser</name>
    <message>
        <source>Sections and questions in your story</source>
        <translation>Adrannau a chwestiynau yn eich stori</translation>
    </message>
    <message>
        <source>{heading} (not answered yet)</source>
        <translation>{heading} (heb ei ateb eto)</translation>
    </message>
</context>
<context>
    <name>StoryCompareView</name>
    <message>
        <source>The earlier version</source>
        <translation>Y fersiwn gynharach</translation>
    </message>
    <message>
        <source>The later version</source>
        <translation>Y fersiwn ddiweddarach</translation>
    </message>
    <message>
        <source>{changed} changed, {added} added, {removed} left out</source>
        <translation>{changed} wedi newid, {added} wedi&apos;u hychwanegu, {removed} wedi&apos;u gadael allan</translation>
    </message>
</context>
<context>
    <name>StoryPage</name>
    <message>
        <source>Preview</source>
        <translation>Rhagolwg</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Fersiynau</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <source>What goes in</source>
        <translation>Beth sy&apos;n mynd i mewn</translation>
    </message>
    <message>
        <source>Saved version {number}: {name}.</source>
        <translation>Wedi cadw fersiwn {number}: {name}.</translation>
    </message>
    <message>
        <source>Start a new draft</source>
        <translation>Dechrau drafft newydd</translation>
    </message>
    <message>
        <source>Start a new draft from version {number}? The sections, questions and order you chose then become your draft&apos;s choices again.</source>
        <translation>Dechrau drafft newydd o fersiwn {number}? Bydd yr adrannau, y cwestiynau a&apos;r drefn a ddewisoch bryd hynny yn dod yn ddewisiadau eich drafft eto.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Bring back the answers too?</source>
        <translation>Dod â&apos;r atebion yn ôl hefyd?</translation>
    </message>
    <message>
        <source>Also bring back your written answers as they were in version {number}? Your answers as they are now stay in each answer&apos;s history, so nothing is lost.</source>
        <translation>Dod â&apos;ch atebion ysgrifenedig yn ôl hefyd, fel yr oedden nhw yn fersiwn {number}? Mae eich atebion fel y maen nhw nawr yn aros yn hanes pob ateb, felly does dim byd yn cael ei golli.</translation>
    </message>
    <message>
        <source>Bring back those answers</source>
        <translation>Dod â&apos;r atebion hynny yn ôl</translation>
    </message>
    <message>
        <source>Keep my answers as they are</source>
        <translation>Cadw fy atebion fel y maen nhw</translation>
    </message>
    <message>
        <source>Your draft now starts from that version ({answers} brought back).</source>
        <translation>Mae eich drafft nawr yn dechrau o&apos;r fersiwn honno ({answers} wedi&apos;u dwyn yn ôl).</translation>
    </message>
    <message>
        <source>Your draft now starts from that version.</source>
        <translation>Mae eich drafft nawr yn dechrau o&apos;r fersiwn honno.</translation>
    </message>
    <message>
        <source> (version {number})</source>
        <translation> (fersiwn {number})</translation>
    </message>
    <message>
        <source>Recovery story</source>
        <translation>Stori adferiad</translation>
    </message>
    <message>
        <source>Save your story as PDF</source>
        <translation>Cadw eich stori fel PDF</translation>
    </message>
    <message>
        <source>Making the pages to print…</source>
        <translation>Yn paratoi&apos;r tudalennau i&apos;w hargraffu…</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Wedi&apos;i anfon i&apos;r argraffydd.</translation>
    </message>
    <message>
        <source>Save version {number} as PDF</source>
        <translation>Cadw fersiwn {number} fel PDF</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Yn cadw…</translation>
    </message>
    <message>
        <source>Saved to {path}. This copy is not encrypted: keep it somewhere safe.</source>
        <translation>Wedi&apos;i gadw yn {path}. Dydy&apos;r copi hwn ddim wedi&apos;i amgryptio: cadwch ef yn rhywle diogel.</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Doedd dim modd cychwyn yr argraffydd.</translation>
    </message>
</context>
<context>
    <name>VersionsPanel</name>
    <message>
        <source>Name for this version</source>
        <translation>Enw ar gyfer y fersiwn hon</translation>
    </message>
    <message>
        <source>Name this version, e.g. “Before my first conversation”</source>
        <translation>Rhowch enw i&apos;r fersiwn hon, e.e. “Cyn fy sgwrs gyntaf”</translation>
    </message>
    <message>
        <source>Save this version of my story</source>
        <translation>Cadw&apos;r fersiwn hon o fy stori</translation>
    </message>
    <message>
        <source>A saved version never changes, so you can look back on how your story has grown.</source>
        <translation>Dydy fersiwn wedi&apos;i chadw byth yn newid, felly gallwch edrych yn ôl ar sut mae eich stori wedi tyfu.</translation>
    </message>
    <message>
        <source>Saved versions of your story</source>
        <translation>Fersiynau o&apos;ch stori sydd wedi&apos;u cadw</translation>
    </message>
    <message>
        <source>Start a new draft from this version…</source>
        <translation>Dechrau drafft newydd o&apos;r fersiwn hon…</translation>
    </message>
    <message>
        <source>Save this version as PDF…</source>
        <translation>Cadw&apos;r fersiwn hon fel PDF…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Cymharu</translation>
    </message>
    <message>
        <source>Compare this version</source>
        <translation>Cymharu&apos;r fersiwn hon</translation>
    </message>
    <message>
        <source>with this version</source>
        <translation>â&apos;r fersiwn hon</translation>
    </message>
    <message>
        <source>with</source>
        <translation>â</translation>
    </message>
    <message>
        <source>Current draft</source>
        <translation>Y drafft presennol</translation>
    </message>
</context>
<context>
    <name>application</name>
    <message>
        <source>peerjournal is already open, so we have brought that window to the front.</source>
        <translation>Mae peerjournal eisoes ar agor, felly rydyn ni wedi dod â&apos;r ffenestr honno i&apos;r blaen.</translation>
    </message>
</context>
<context>
    <name>autosave</name>
    <message>
        <source>Saving…</source>
        <translation>Yn cadw…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Wedi&apos;i gadw</translation>
    </message>
</context>
<context>
    <name>backups_dialog</name>
    <message>
        <source>Backups</source>
        <translation>Copïau wrth gefn</translation>
    </message>
    <message>
        <source>Your backups, newest first</source>
        <translation>Eich copïau wrth gefn, y mwyaf newydd yn gyntaf</translation>
    </message>
    <message>
        <source>There are no backups yet.</source>
        <translation>Does dim copïau wrth gefn eto.</translation>
    </message>
    <message>
        <source>Passphrase for that backup</source>
        <translation>Cyfrinymadrodd y copi wrth gefn hwnnw</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Gwneud copi wrth gefn nawr</translation>
    </message>
    <message>
        <source>Open the backups folder</source>
        <translation>Agor y ffolder copïau wrth gefn</translation>
    </message>
    <message>
        <source>Put this backup back…</source>
        <translation>Rhoi&apos;r copi wrth gefn hwn yn ôl…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>To put one back, choose it and type the passphrase you used when it was made.</source>
        <translation>I roi un yn ôl, dewiswch ef a theipiwch y cyfrinymadrodd a ddefnyddioch pan gafodd ei wneud.</translation>
    </message>
    <message>
        <source>Anything written since then will not be in it. </source>
        <translation>Fydd dim a ysgrifennwyd ers hynny ynddo. </translation>
    </message>
    <message>
        <source>Nothing you have written has changed since then. </source>
        <translation>Does dim byd rydych chi wedi&apos;i ysgrifennu wedi newid ers hynny. </translation>
    </message>
    <message>
        <source>1 answer</source>
        <translation>1 ateb</translation>
    </message>
    <message>
        <source>%1 answers</source>
        <translation>%1 ateb</translation>
    </message>
    <message>
        <source>1 daily page</source>
        <translation>1 dudalen ddyddiol</translation>
    </message>
    <message>
        <source>%1 daily pages</source>
        <translation>%1 tudalen ddyddiol</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 a %2</translation>
    </message>
    <message>
        <source>%1 changed since then would go back to how they were. </source>
        <translation>Byddai %1 sydd wedi newid ers hynny yn mynd yn ôl i fel yr oedden nhw. </translation>
    </message>
    <message>
        <source>Please type the passphrase you used when that backup was made.</source>
        <translation>Teipiwch y cyfrinymadrodd a ddefnyddioch pan gafodd y copi wrth gefn hwnnw ei wneud.</translation>
    </message>
    <message>
        <source>Put this backup back?</source>
        <translation>Rhoi&apos;r copi wrth gefn hwn yn ôl?</translation>
    </message>
    <message>
        <source>Your journal will go back to how it was on %1. %2The journal as it is now is kept, whole, in the &apos;set-aside&apos; folder, so nothing is lost.</source>
        <translation>Bydd eich dyddlyfr yn mynd yn ôl i fel yr oedd ar %1. %2Mae&apos;r dyddlyfr fel y mae nawr yn cael ei gadw, yn gyfan, yn y ffolder &apos;set-aside&apos;, felly does dim byd yn cael ei golli.</translation>
    </message>
    <message>
        <source>Put it back</source>
        <translation>Ei roi yn ôl</translation>
    </message>
    <message>
        <source>Keep my journal as it is</source>
        <translation>Cadw fy nyddlyfr fel y mae</translation>
    </message>
</context>
<context>
    <name>card</name>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>checklist</name>
    <message>
        <source>Yes</source>
        <translation>Ydw</translation>
    </message>
    <message>
        <source>Yes: %1</source>
        <translation>Ydw: %1</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Ddim eto</translation>
    </message>
    <message>
        <source>Not yet: %1</source>
        <translation>Ddim eto: %1</translation>
    </message>
    <message>
        <source>A note, if you like</source>
        <translation>Nodyn, os hoffech chi</translation>
    </message>
    <message>
        <source>A note: %1</source>
        <translation>Nodyn: %1</translation>
    </message>
</context>
<context>
    <name>choose</name>
    <message>
        <source>You have already chosen %1. If %2 feels truer, untick one of the others first.</source>
        <translation>Rydych chi eisoes wedi dewis %1. Os yw %2 yn teimlo&apos;n fwy gwir, dad-diciwch un o&apos;r lleill yn gyntaf.</translation>
    </message>
    <message>
        <source>%1 of %2 chosen</source>
        <translation>%1 o %2 wedi&apos;u dewis</translation>
    </message>
</context>
<context>
    <name>coming_up</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1 am %2</translation>
    </message>
    <message>
        <source>today</source>
        <translation>heddiw</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>yfory</translation>
    </message>
    <message>
        <source>in %1 days</source>
        <translation>ymhen %1 diwrnod</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Coming up</source>
        <translation>I ddod</translation>
    </message>
    <message>
        <source>COMING UP</source>
        <translation>I DDOD</translation>
    </message>
    <message>
        <source>Open this session</source>
        <translation>Agor y sesiwn hon</translation>
    </message>
    <message>
        <source>Change the date…</source>
        <translation>Newid y dyddiad…</translation>
    </message>
    <message>
        <source>Your sessions</source>
        <translation>Eich sesiynau</translation>
    </message>
    <message>
        <source>Set each date when you know it. Dates are kept locked in your journal with everything else, and a date that has passed simply passes.</source>
        <translation>Gosodwch bob dyddiad pan fyddwch chi&apos;n ei wybod. Mae&apos;r dyddiadau&apos;n cael eu cadw dan glo yn eich dyddlyfr gyda phopeth arall, ac mae dyddiad sydd wedi mynd heibio yn mynd heibio, dyna i gyd.</translation>
    </message>
    <message>
        <source>Set the date…</source>
        <translation>Gosod y dyddiad…</translation>
    </message>
    <message>
        <source>Set the date of %1</source>
        <translation>Gosod dyddiad %1</translation>
    </message>
    <message>
        <source>No date yet</source>
        <translation>Dim dyddiad eto</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Newid…</translation>
    </message>
    <message>
        <source>No sessions are coming up. When you know the date of your next one, set it below.</source>
        <translation>Does dim sesiynau i ddod. Pan fyddwch chi&apos;n gwybod dyddiad yr un nesaf, gosodwch ef isod.</translation>
    </message>
    <message>
        <source>When you know the dates of your sessions, set them below. This page will then show the next one, and what you might like to prepare.</source>
        <translation>Pan fyddwch chi&apos;n gwybod dyddiadau eich sesiynau, gosodwch nhw isod. Bydd y dudalen hon wedyn yn dangos yr un nesaf, a&apos;r hyn yr hoffech chi ei baratoi efallai.</translation>
    </message>
    <message>
        <source>Your next session</source>
        <translation>Eich sesiwn nesaf</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>After that</source>
        <translation>Ar ôl hynny</translation>
    </message>
    <message>
        <source>%1 of %2 preparation questions answered</source>
        <translation>%1 o %2 cwestiwn paratoi wedi&apos;u hateb</translation>
    </message>
    <message>
        <source>%1 of %2 questions for afterwards answered</source>
        <translation>%1 o %2 cwestiwn ar gyfer wedyn wedi&apos;u hateb</translation>
    </message>
    <message>
        <source> (answered)</source>
        <translation> (wedi&apos;i ateb)</translation>
    </message>
    <message>
        <source> (not answered yet)</source>
        <translation> (heb ei ateb eto)</translation>
    </message>
</context>
<context>
    <name>copy_dialog</name>
    <message>
        <source>Your copy</source>
        <translation>Eich copi</translation>
    </message>
    <message>
        <source>Export everything…</source>
        <translation>Allforio popeth…</translation>
    </message>
    <message>
        <source>Save the workbook as PDF…</source>
        <translation>Cadw&apos;r llyfr gwaith fel PDF…</translation>
    </message>
    <message>
        <source>Save my stocktake as PDF…</source>
        <translation>Cadw fy mhwyso a mesur fel PDF…</translation>
    </message>
    <message>
        <source>Bring in a file…</source>
        <translation>Dod â ffeil i mewn…</translation>
    </message>
    <message>
        <source>Bring in a folder…</source>
        <translation>Dod â ffolder i mewn…</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Wrthi&apos;n gweithio</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>Everything you write stays here, locked. Here you can make a copy to keep, to print or to take to a new computer, and bring writing in.</source>
        <translation>Mae popeth rydych chi&apos;n ei ysgrifennu yn aros yma, wedi&apos;i gloi. Yma gallwch wneud copi i&apos;w gadw, i&apos;w argraffu neu i fynd ag ef i gyfrifiadur newydd, a dod ag ysgrifennu i mewn.</translation>
    </message>
    <message>
        <source>Take a copy</source>
        <translation>Cymryd copi</translation>
    </message>
    <message>
        <source>Bring in writing</source>
        <translation>Dod ag ysgrifennu i mewn</translation>
    </message>
    <message>
        <source>Making your copy…</source>
        <translation>Yn gwneud eich copi…</translation>
    </message>
    <message>
        <source>Saved to %1. This copy is not encrypted: keep it somewhere safe.</source>
        <translation>Wedi&apos;i gadw yn %1. Dydy&apos;r copi hwn ddim wedi&apos;i amgryptio: cadwch ef yn rhywle diogel.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Yn darllen %1…</translation>
    </message>
    <message>
        <source>%1

Bring it in? Nothing you have now is overwritten.</source>
        <translation>%1

Dod ag ef i mewn? Does dim byd sydd gennych nawr yn cael ei ysgrifennu drosto.</translation>
    </message>
    <message>
        <source>Bring it in</source>
        <translation>Dod ag ef i mewn</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ddim nawr</translation>
    </message>
    <message>
        <source>Bringing it in…</source>
        <translation>Yn dod ag ef i mewn…</translation>
    </message>
</context>
<context>
    <name>daily_page</name>
    <message>
        <source>Choose a day</source>
        <translation>Dewis diwrnod</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heddiw</translation>
    </message>
    <message>
        <source>Earlier pages</source>
        <translation>Tudalennau cynharach</translation>
    </message>
    <message>
        <source>Daily page</source>
        <translation>Tudalen ddyddiol</translation>
    </message>
    <message>
        <source>DAILY PAGE</source>
        <translation>TUDALEN DDYDDIOL</translation>
    </message>
    <message>
        <source>Today&apos;s page</source>
        <translation>Tudalen heddiw</translation>
    </message>
    <message>
        <source>Write whatever is on your mind. The prompt is only a suggestion.</source>
        <translation>Ysgrifennwch beth bynnag sydd ar eich meddwl. Awgrym yn unig yw&apos;r cwestiwn.</translation>
    </message>
    <message>
        <source>On this day</source>
        <translation>Ar y diwrnod hwn</translation>
    </message>
    <message>
        <source>This page could not be read: part of the file holding it is damaged. Nothing else is affected. “Bring back what can be” at the top of the window brings back its newest readable version.</source>
        <translation>Doedd dim modd darllen y dudalen hon: mae rhan o&apos;r ffeil sy&apos;n ei dal wedi&apos;i difrodi. Does dim byd arall wedi&apos;i effeithio. Mae “Dod â&apos;r hyn sy&apos;n bosibl yn ôl” ar frig y ffenestr yn dod â&apos;i fersiwn ddarllenadwy ddiweddaraf yn ôl.</translation>
    </message>
    <message>
        <source>%n word</source>
        <translation>%n gair</translation>
    </message>
    <message>
        <source>%n words</source>
        <translation>%n gair</translation>
    </message>
    <message>
        <source>Your pages will be listed here.</source>
        <translation>Bydd eich tudalennau&apos;n cael eu rhestru yma.</translation>
    </message>
    <message>
        <source>A month ago</source>
        <translation>Fis yn ôl</translation>
    </message>
    <message>
        <source>A year ago</source>
        <translation>Flwyddyn yn ôl</translation>
    </message>
    <message>
        <source>%1: “%2”</source>
        <translation>%1: “%2”</translation>
    </message>
</context>
<context>
    <name>dates</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1 am %2</translation>
    </message>
</context>
<context>
    <name>earlier_page</name>
    <message>
        <source>Earlier answers</source>
        <translation>Atebion cynharach</translation>
    </message>
    <message>
        <source>These answers belong to questions that are no longer in the programme. They are kept here so nothing you wrote is lost.</source>
        <translation>Mae&apos;r atebion hyn yn perthyn i gwestiynau sydd ddim yn y rhaglen bellach. Maen nhw&apos;n cael eu cadw yma fel nad oes dim a ysgrifennoch yn cael ei golli.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Wedi&apos;i gadw %1</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>That passphrase did not open your journal.</source>
        <translation>Wnaeth y cyfrinymadrodd hwnnw ddim agor eich dyddlyfr.</translation>
    </message>
    <message>
        <source>Check Caps Lock and try again, gently. Nothing has changed.</source>
        <translation>Gwiriwch Caps Lock a rhowch gynnig arall arni, yn dawel. Does dim byd wedi newid.</translation>
    </message>
    <message>
        <source>That recovery key does not open this journal.</source>
        <translation>Dydy&apos;r allwedd adfer honno ddim yn agor y dyddlyfr hwn.</translation>
    </message>
    <message>
        <source>Check each block against the copy you kept.</source>
        <translation>Gwiriwch bob bloc yn erbyn y copi a gadwoch.</translation>
    </message>
    <message>
        <source>Please type your passphrase first.</source>
        <translation>Teipiwch eich cyfrinymadrodd yn gyntaf.</translation>
    </message>
    <message>
        <source>Your journal is already open in another peerjournal window.</source>
        <translation>Mae eich dyddlyfr eisoes ar agor mewn ffenestr peerjournal arall.</translation>
    </message>
    <message>
        <source>Switch to that window to carry on writing.</source>
        <translation>Ewch i&apos;r ffenestr honno i barhau i ysgrifennu.</translation>
    </message>
    <message>
        <source>The journal is locked.</source>
        <translation>Mae&apos;r dyddlyfr wedi&apos;i gloi.</translation>
    </message>
    <message>
        <source>Unlock it to carry on.</source>
        <translation>Datgloiwch ef i barhau.</translation>
    </message>
    <message>
        <source>The disk is full, so your latest words are not saved yet.</source>
        <translation>Mae&apos;r ddisg yn llawn, felly dydy eich geiriau diweddaraf ddim wedi&apos;u cadw eto.</translation>
    </message>
    <message>
        <source>They are still here in the window. Free some space and they will be saved.</source>
        <translation>Maen nhw&apos;n dal yma yn y ffenestr. Rhyddhewch ychydig o le a byddan nhw&apos;n cael eu cadw.</translation>
    </message>
    <message>
        <source>This journal was written by a newer version of peerjournal.</source>
        <translation>Cafodd y dyddlyfr hwn ei ysgrifennu gan fersiwn mwy newydd o peerjournal.</translation>
    </message>
    <message>
        <source>Please update the app to open it. Nothing has been changed.</source>
        <translation>Diweddarwch yr ap i&apos;w agor. Does dim byd wedi&apos;i newid.</translation>
    </message>
    <message>
        <source>That backup cannot be used.</source>
        <translation>Does dim modd defnyddio&apos;r copi wrth gefn hwnnw.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Chafodd dim byd ei newid.</translation>
    </message>
    <message>
        <source>What you wrote is still here in the window.</source>
        <translation>Mae&apos;r hyn a ysgrifennoch yn dal yma yn y ffenestr.</translation>
    </message>
    <message>
        <source>The computer ran short of memory.</source>
        <translation>Roedd y cyfrifiadur yn brin o gof.</translation>
    </message>
    <message>
        <source>Your writing is safe. Closing other programs may help.</source>
        <translation>Mae eich ysgrifennu&apos;n ddiogel. Gallai cau rhaglenni eraill helpu.</translation>
    </message>
    <message>
        <source>Something went wrong. Your writing is safe.</source>
        <translation>Aeth rhywbeth o&apos;i le. Mae eich ysgrifennu&apos;n ddiogel.</translation>
    </message>
    <message>
        <source>If it keeps happening, please let the people who look after peerjournal know.</source>
        <translation>Os yw&apos;n dal i ddigwydd, rhowch wybod i&apos;r bobl sy&apos;n gofalu am peerjournal.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Aeth rhywbeth o&apos;i le.</translation>
    </message>
    <message>
        <source>That file could not be brought in: {detail}. Nothing was changed.</source>
        <translation>Doedd dim modd dod â&apos;r ffeil honno i mewn: {detail}. Chafodd dim byd ei newid.</translation>
    </message>
    <message>
        <source>That passphrase does not open this journal.</source>
        <translation>Dydy&apos;r cyfrinymadrodd hwnnw ddim yn agor y dyddlyfr hwn.</translation>
    </message>
    <message>
        <source>That does not look like a recovery key: {hint}</source>
        <translation>Dydy hynny ddim yn edrych fel allwedd adfer: {hint}</translation>
    </message>
    <message>
        <source>There is no journal in {path} yet. Create one with &apos;peerjournal init&apos; or by opening the app.</source>
        <translation>Does dim dyddlyfr yn {path} eto. Crëwch un gyda &apos;peerjournal init&apos; neu drwy agor yr ap.</translation>
    </message>
    <message>
        <source>There is already a journal in {path}; nothing was changed.</source>
        <translation>Mae dyddlyfr eisoes yn {path}; chafodd dim byd ei newid.</translation>
    </message>
    <message>
        <source>Your journal file is damaged ({detail}). {advice}</source>
        <translation>Mae ffeil eich dyddlyfr wedi&apos;i difrodi ({detail}). {advice}</translation>
    </message>
    <message>
        <source>This journal was written by a newer version of peerjournal. Please update the app to open it; nothing was changed.</source>
        <translation>Cafodd y dyddlyfr hwn ei ysgrifennu gan fersiwn mwy newydd o peerjournal. Diweddarwch yr ap i&apos;w agor; chafodd dim byd ei newid.</translation>
    </message>
    <message>
        <source>The journal is locked. Unlock it first.</source>
        <translation>Mae&apos;r dyddlyfr wedi&apos;i gloi. Datgloiwch ef yn gyntaf.</translation>
    </message>
    <message>
        <source>This journal needs to be opened once by peerjournal itself.</source>
        <translation>Mae angen i peerjournal ei hun agor y dyddlyfr hwn unwaith.</translation>
    </message>
    <message>
        <source>The disk is full, so this could not be saved. Everything saved before is safe; free some space and try again.</source>
        <translation>Mae&apos;r ddisg yn llawn, felly doedd dim modd cadw hyn. Mae popeth a gadwyd o&apos;r blaen yn ddiogel; rhyddhewch ychydig o le a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>peerjournal could not read or write your journal on the disk. Everything saved before is safe; if this keeps happening, the disk may be failing.</source>
        <translation>Doedd peerjournal ddim yn gallu darllen nac ysgrifennu eich dyddlyfr ar y ddisg. Mae popeth a gadwyd o&apos;r blaen yn ddiogel; os yw hyn yn dal i ddigwydd, efallai fod y ddisg yn methu.</translation>
    </message>
    <message>
        <source>peerjournal could not write {path}. Please choose another place to save it.</source>
        <translation>Doedd peerjournal ddim yn gallu ysgrifennu {path}. Dewiswch le arall i&apos;w gadw.</translation>
    </message>
    <message>
        <source>peerjournal cannot write to {path}. Everything saved before is safe; check that the folder is writable.</source>
        <translation>All peerjournal ddim ysgrifennu i {path}. Mae popeth a gadwyd o&apos;r blaen yn ddiogel; gwiriwch fod modd ysgrifennu i&apos;r ffolder.</translation>
    </message>
    <message>
        <source>There is no question with the id &apos;{prompt_id}&apos;. &apos;peerjournal prompts&apos; lists them.</source>
        <translation>Does dim cwestiwn gyda&apos;r id &apos;{prompt_id}&apos;. Mae &apos;peerjournal prompts&apos; yn eu rhestru.</translation>
    </message>
    <message>
        <source>That answer cannot be saved: {reason}</source>
        <translation>Does dim modd cadw&apos;r ateb hwnnw: {reason}</translation>
    </message>
    <message>
        <source>That word cannot be added: {reason}</source>
        <translation>Does dim modd ychwanegu&apos;r gair hwnnw: {reason}</translation>
    </message>
    <message>
        <source>That is too long to save in one answer ({size} MB; the limit is {limit} MB).</source>
        <translation>Mae hynny&apos;n rhy hir i&apos;w gadw mewn un ateb ({size} MB; yr uchafswm yw {limit} MB).</translation>
    </message>
    <message>
        <source>That backup cannot be used ({detail}). Nothing was changed.</source>
        <translation>Does dim modd defnyddio&apos;r copi wrth gefn hwnnw ({detail}). Chafodd dim byd ei newid.</translation>
    </message>
    <message>
        <source>There is no saved version {number} of your story.</source>
        <translation>Does dim fersiwn {number} o&apos;ch stori wedi&apos;i chadw.</translation>
    </message>
    <message>
        <source>This journal&apos;s {what} has settings peerjournal never uses ({detail}), so it was not tried: the file may have been changed by something else. Nothing was changed. Your {other} can still open it.</source>
        <translation>Mae gan {what} y dyddlyfr hwn osodiadau nad yw peerjournal byth yn eu defnyddio ({detail}), felly ni roddwyd cynnig arno: efallai fod rhywbeth arall wedi newid y ffeil. Chafodd dim byd ei newid. Mae eich {other} yn dal i allu ei agor.</translation>
    </message>
    <message>
        <source>Please choose a passphrase of at least {minimum} characters.</source>
        <translation>Dewiswch gyfrinymadrodd o {minimum} nod o leiaf.</translation>
    </message>
    <message>
        <source>The passphrase cannot be empty.</source>
        <translation>All y cyfrinymadrodd ddim bod yn wag.</translation>
    </message>
    <message>
        <source>{file}, line {line}: {problem} {hint}</source>
        <translation>{file}, llinell {line}: {problem} {hint}</translation>
    </message>
</context>
<context>
    <name>history_dialog</name>
    <message>
        <source>Earlier versions</source>
        <translation>Fersiynau cynharach</translation>
    </message>
    <message>
        <source>Saved versions</source>
        <translation>Fersiynau wedi&apos;u cadw</translation>
    </message>
    <message>
        <source>This version</source>
        <translation>Y fersiwn hon</translation>
    </message>
    <message>
        <source>Use this version</source>
        <translation>Defnyddio&apos;r fersiwn hon</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Yn llwytho…</translation>
    </message>
    <message>
        <source>Nothing has been saved here yet.</source>
        <translation>Does dim byd wedi&apos;i gadw yma eto.</translation>
    </message>
</context>
<context>
    <name>journal_view</name>
    <message>
        <source>Your story</source>
        <translation>Eich stori</translation>
    </message>
    <message>
        <source>Your Personal Recovery Story will come together here from your answers in Preparing for Peer 2 Peer.</source>
        <translation>Bydd eich Stori Adferiad Bersonol yn dod at ei gilydd yma o&apos;ch atebion yn Paratoi ar gyfer Peer 2 Peer.</translation>
    </message>
    <message>
        <source>Search your journal  (Ctrl+F)</source>
        <translation>Chwilio eich dyddlyfr  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search your journal</source>
        <translation>Chwilio eich dyddlyfr</translation>
    </message>
    <message>
        <source>Looking in each one&apos;s earlier versions and your backups…</source>
        <translation>Yn edrych yn fersiynau cynharach pob un ac yn eich copïau wrth gefn…</translation>
    </message>
</context>
<context>
    <name>ladder</name>
    <message>
        <source>Your earlier marks on the ladder</source>
        <translation>Eich marciau cynharach ar yr ysgol</translation>
    </message>
    <message>
        <source>Left and Right go from one mark to the next.</source>
        <translation>Mae&apos;r saethau Chwith a De yn mynd o un marc i&apos;r nesaf.</translation>
    </message>
    <message>
        <source>A note about today&apos;s mark</source>
        <translation>Nodyn am farc heddiw</translation>
    </message>
    <message>
        <source>A note about where you are today, if you like.</source>
        <translation>Nodyn am ble rydych chi heddiw, os hoffech chi.</translation>
    </message>
    <message>
        <source>Today&apos;s mark is now %1 (it was %2): one mark is kept for each day, so this corrects today&apos;s and earlier days keep theirs.</source>
        <translation>Marc heddiw yw %1 nawr (%2 oedd e): mae un marc yn cael ei gadw ar gyfer pob diwrnod, felly mae hyn yn cywiro marc heddiw ac mae diwrnodau cynharach yn cadw eu rhai nhw.</translation>
    </message>
    <message>
        <source>Today&apos;s mark, %1, is kept with today&apos;s date.</source>
        <translation>Mae marc heddiw, %1, yn cael ei gadw gyda dyddiad heddiw.</translation>
    </message>
    <message>
        <source>Rung %1 of %2</source>
        <translation>Gris %1 o %2</translation>
    </message>
    <message>
        <source>You wrote: %1</source>
        <translation>Fe ysgrifennoch chi: %1</translation>
    </message>
    <message>
        <source>Nothing was written with this mark.</source>
        <translation>Ni ysgrifennwyd dim byd gyda&apos;r marc hwn.</translation>
    </message>
    <message>
        <source>Then and now</source>
        <translation>Bryd hynny a nawr</translation>
    </message>
    <message>
        <source>Two of your marks side by side: the first and the latest, or any two you choose.</source>
        <translation>Dau o&apos;ch marciau ochr yn ochr: y cyntaf a&apos;r diweddaraf, neu unrhyw ddau a ddewiswch.</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Bryd hynny</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nawr</translation>
    </message>
    <message>
        <source>%1, rung %2</source>
        <translation>%1, gris %2</translation>
    </message>
</context>
<context>
    <name>language_highlighter</name>
    <message>
        <source>No spelling suggestions</source>
        <translation>Dim awgrymiadau sillafu</translation>
    </message>
    <message>
        <source>Add “%1” to my words</source>
        <translation>Ychwanegu “%1” at fy ngeiriau</translation>
    </message>
    <message>
        <source>Say “%1” instead</source>
        <translation>Dweud “%1” yn lle hynny</translation>
    </message>
</context>
<context>
    <name>lessons</name>
    <message>
        <source>Lesson %1</source>
        <translation>Gwers %1</translation>
    </message>
    <message>
        <source>Lesson %1 done</source>
        <translation>Gwers %1 wedi&apos;i gwneud</translation>
    </message>
    <message>
        <source>%1 of %2 lesson done</source>
        <translation>%1 o %2 wers wedi&apos;i gwneud</translation>
    </message>
    <message>
        <source>%1 of %2 lessons done</source>
        <translation>%1 o %2 gwers wedi&apos;u gwneud</translation>
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <source>%1 — Demo</source>
        <translation>%1 — Enghraifft</translation>
    </message>
</context>
<context>
    <name>notice</name>
    <message>
        <source>Passphrase</source>
        <translation>Cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Checking the backup and putting it back…</source>
        <translation>Yn gwirio&apos;r copi wrth gefn ac yn ei roi yn ôl…</translation>
    </message>
    <message>
        <source>Restore the latest backup</source>
        <translation>Adfer y copi wrth gefn diweddaraf</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Rhoi cynnig arall arni</translation>
    </message>
    <message>
        <source>Your journal is already open</source>
        <translation>Mae eich dyddlyfr eisoes ar agor</translation>
    </message>
    <message>
        <source>peerjournal is already open in another window, so this one will not open it too. Switch to that window to carry on. If you have just closed it, try again.</source>
        <translation>Mae peerjournal eisoes ar agor mewn ffenestr arall, felly fydd yr un yma ddim yn ei agor hefyd. Ewch i&apos;r ffenestr honno i barhau. Os ydych chi newydd ei chau, rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>Your journal file is damaged</source>
        <translation>Mae ffeil eich dyddlyfr wedi&apos;i difrodi</translation>
    </message>
    <message>
        <source>peerjournal cannot open it as it is. Nothing has been deleted, and the damaged file will be kept aside.</source>
        <translation>All peerjournal ddim ei hagor fel y mae. Does dim byd wedi&apos;i ddileu, a bydd y ffeil sydd wedi&apos;i difrodi yn cael ei chadw o&apos;r neilltu.</translation>
    </message>
    <message>
        <source>The latest backup was made on %1. To put it back, type the passphrase you used then.</source>
        <translation>Cafodd y copi wrth gefn diweddaraf ei wneud ar %1. I&apos;w roi yn ôl, teipiwch y cyfrinymadrodd a ddefnyddioch bryd hynny.</translation>
    </message>
    <message>
        <source>peerjournal cannot open it as it is, and there is no backup to go back to yet. Nothing has been deleted. Please keep the data folder as it is (%1) and ask for help from someone you trust.</source>
        <translation>All peerjournal ddim ei hagor fel y mae, a does dim copi wrth gefn i fynd yn ôl ato eto. Does dim byd wedi&apos;i ddileu. Cadwch y ffolder data fel y mae (%1) a gofynnwch am help gan rywun rydych chi&apos;n ymddiried ynddo.</translation>
    </message>
    <message>
        <source>Please update peerjournal</source>
        <translation>Diweddarwch peerjournal</translation>
    </message>
    <message>
        <source>Your journal could not be opened</source>
        <translation>Doedd dim modd agor eich dyddlyfr</translation>
    </message>
    <message>
        <source>Please type the passphrase first.</source>
        <translation>Teipiwch y cyfrinymadrodd yn gyntaf.</translation>
    </message>
</context>
<context>
    <name>notice_bar</name>
    <message>
        <source>Dismiss</source>
        <translation>Cau&apos;r neges</translation>
    </message>
</context>
<context>
    <name>part_page</name>
    <message>
        <source>Earlier versions</source>
        <translation>Fersiynau cynharach</translation>
    </message>
    <message>
        <source>Earlier versions of this answer</source>
        <translation>Fersiynau cynharach o&apos;r ateb hwn</translation>
    </message>
    <message>
        <source>This session&apos;s aims</source>
        <translation>Nodau&apos;r sesiwn hon</translation>
    </message>
    <message>
        <source>There is nothing to answer here.</source>
        <translation>Does dim byd i&apos;w ateb yma.</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Agor %1</translation>
    </message>
</context>
<context>
    <name>passphrase_dialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Newid y cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Your passphrase now</source>
        <translation>Eich cyfrinymadrodd nawr</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Cyfrinymadrodd newydd</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Y cyfrinymadrodd newydd eto</translation>
    </message>
    <message>
        <source>Changing your passphrase…</source>
        <translation>Yn newid eich cyfrinymadrodd…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Your writing stays as it is. It is sealed again under a new key, so your old passphrase opens nothing you write from now on. Your recovery key keeps working as before. Backups made before today still open with the passphrase you had then.</source>
        <translation>Mae eich ysgrifennu&apos;n aros fel y mae. Mae&apos;n cael ei selio eto dan allwedd newydd, felly fydd eich hen gyfrinymadrodd ddim yn agor dim a ysgrifennwch o hyn ymlaen. Mae eich allwedd adfer yn dal i weithio fel o&apos;r blaen. Mae copïau wrth gefn a wnaed cyn heddiw yn dal i agor gyda&apos;r cyfrinymadrodd oedd gennych bryd hynny.</translation>
    </message>
</context>
<context>
    <name>progress</name>
    <message>
        <source>%1 of %2 lessons</source>
        <translation>%1 o %2 gwers</translation>
    </message>
    <message>
        <source>%1 of %2 answered</source>
        <translation>%1 o %2 wedi&apos;u hateb</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%1 o %2 wedi&apos;u gwneud</translation>
    </message>
</context>
<context>
    <name>ranked</name>
    <message>
        <source>Drag to move, or press Alt+Up / Alt+Down</source>
        <translation>Llusgwch i symud, neu pwyswch Alt+Up / Alt+Down</translation>
    </message>
    <message>
        <source>Move this row: press Alt+Up or Alt+Down</source>
        <translation>Symud y rhes hon: pwyswch Alt+Up neu Alt+Down</translation>
    </message>
    <message>
        <source>Move up (Alt+Up)</source>
        <translation>Symud i fyny (Alt+Up)</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Symud i fyny</translation>
    </message>
    <message>
        <source>Move down (Alt+Down)</source>
        <translation>Symud i lawr (Alt+Down)</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Symud i lawr</translation>
    </message>
    <message>
        <source>Value %1</source>
        <translation>Gwerth %1</translation>
    </message>
    <message>
        <source>What value %1 means to you</source>
        <translation>Beth mae gwerth %1 yn ei olygu i chi</translation>
    </message>
</context>
<context>
    <name>recovery_key_dialog</name>
    <message>
        <source>A new recovery key</source>
        <translation>Allwedd adfer newydd</translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation>Eich cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Making a new recovery key and sealing your journal again…</source>
        <translation>Yn gwneud allwedd adfer newydd ac yn selio eich dyddlyfr eto…</translation>
    </message>
    <message>
        <source>Make a new recovery key</source>
        <translation>Gwneud allwedd adfer newydd</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>If your recovery key may have been seen or lost, make a new one. The old one stops opening your journal at once. Backups made before today still open with the keys they had. Type your passphrase to go on.</source>
        <translation>Os oes rhywun efallai wedi gweld eich allwedd adfer, neu os ydych wedi&apos;i cholli, gwnewch un newydd. Bydd yr hen un yn peidio ag agor eich dyddlyfr ar unwaith. Mae copïau wrth gefn a wnaed cyn heddiw yn dal i agor gyda&apos;r allweddi oedd ganddyn nhw. Teipiwch eich cyfrinymadrodd i fynd ymlaen.</translation>
    </message>
    <message>
        <source>Your new recovery key</source>
        <translation>Eich allwedd adfer newydd</translation>
    </message>
</context>
<context>
    <name>recovery_key_view</name>
    <message>
        <source>Your recovery key</source>
        <translation>Eich allwedd adfer</translation>
    </message>
    <message>
        <source>If you ever forget your passphrase, this key is the only other way into your journal. It is shown only this once. Please write it down, print it or save it, and keep it somewhere safe and private, away from this laptop.</source>
        <translation>Os byddwch chi byth yn anghofio eich cyfrinymadrodd, yr allwedd hon yw&apos;r unig ffordd arall i mewn i&apos;ch dyddlyfr. Dim ond y tro hwn y caiff ei dangos. Ysgrifennwch hi i lawr, argraffwch hi neu cadwch hi, a chadwch hi yn rhywle diogel a phreifat, i ffwrdd o&apos;r gliniadur hwn.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Allwedd adfer</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Argraffu…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Cadw fel PDF…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copïo</translation>
    </message>
    <message>
        <source>Copied privately, and cleared from the clipboard in 30 s</source>
        <translation>Wedi&apos;i chopïo&apos;n breifat, a&apos;i chlirio o&apos;r clipfwrdd ymhen 30 eiliad</translation>
    </message>
    <message>
        <source>I have written it down, or printed or saved it</source>
        <translation>Rydw i wedi&apos;i hysgrifennu i lawr, neu wedi&apos;i hargraffu neu ei chadw</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Parhau</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Wedi&apos;i hanfon i&apos;r argraffydd.</translation>
    </message>
    <message>
        <source>That file could not be written. Please try another folder.</source>
        <translation>Doedd dim modd ysgrifennu&apos;r ffeil honno. Rhowch gynnig ar ffolder arall.</translation>
    </message>
    <message>
        <source>Saved as %1. Keep it somewhere private.</source>
        <translation>Wedi&apos;i chadw fel %1. Cadwch hi yn rhywle preifat.</translation>
    </message>
    <message>
        <source>Copied. Paste it somewhere safe now: it is cleared from the clipboard in 30 seconds.</source>
        <translation>Wedi&apos;i chopïo. Gludwch hi yn rhywle diogel nawr: caiff ei chlirio o&apos;r clipfwrdd ymhen 30 eiliad.</translation>
    </message>
</context>
<context>
    <name>reminders</name>
    <message>
        <source>Starting with your computer</source>
        <translation>Dechrau gyda&apos;ch cyfrifiadur</translation>
    </message>
    <message>
        <source>peerjournal could not change how it starts with your computer. Your reminders still come while peerjournal is open.</source>
        <translation>Ni allai peerjournal newid sut mae&apos;n dechrau gyda&apos;ch cyfrifiadur. Mae eich nodiadau atgoffa yn dal i ddod tra bo peerjournal ar agor.</translation>
    </message>
    <message>
        <source>A gentle reminder from peerjournal</source>
        <translation>Nodyn atgoffa caredig gan peerjournal</translation>
    </message>
    <message>
        <source>Open peerjournal</source>
        <translation>Agor peerjournal</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Gadael</translation>
    </message>
</context>
<context>
    <name>search_page</name>
    <message>
        <source>Search</source>
        <translation>Chwilio</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Canlyniadau chwilio</translation>
    </message>
    <message>
        <source>Type a word or two to look through everything you have written.</source>
        <translation>Teipiwch air neu ddau i chwilio trwy bopeth rydych chi wedi&apos;i ysgrifennu.</translation>
    </message>
    <message>
        <source>Nothing you have written matches that yet.</source>
        <translation>Does dim byd rydych chi wedi&apos;i ysgrifennu yn cyfateb i hynny eto.</translation>
    </message>
    <message>
        <source>Found in 1 place. Press Enter to open it.</source>
        <translation>Wedi&apos;i ganfod mewn 1 lle. Pwyswch Enter i&apos;w agor.</translation>
    </message>
    <message>
        <source>Found in %1 places. Press Enter to open one.</source>
        <translation>Wedi&apos;i ganfod mewn %1 lle. Pwyswch Enter i agor un.</translation>
    </message>
</context>
<context>
    <name>session_date</name>
    <message>
        <source>When is this session?</source>
        <translation>Pryd mae&apos;r sesiwn hon?</translation>
    </message>
    <message>
        <source>The day of the session</source>
        <translation>Diwrnod y sesiwn</translation>
    </message>
    <message>
        <source>At a time</source>
        <translation>Ar amser penodol</translation>
    </message>
    <message>
        <source>The time it starts</source>
        <translation>Yr amser mae&apos;n dechrau</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Diwrnod</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Amser</translation>
    </message>
    <message>
        <source>Keep this date</source>
        <translation>Cadw&apos;r dyddiad hwn</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Dim dyddiad</translation>
    </message>
    <message>
        <source>Use the date I was given</source>
        <translation>Defnyddio&apos;r dyddiad a roddwyd i mi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>The date is kept locked in your journal, like everything you write.</source>
        <translation>Mae&apos;r dyddiad yn cael ei gadw dan glo yn eich dyddlyfr, fel popeth rydych chi&apos;n ei ysgrifennu.</translation>
    </message>
</context>
<context>
    <name>settings_dialog</name>
    <message>
        <source>Follow my computer</source>
        <translation>Dilyn fy nghyfrifiadur</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Golau</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Tywyll</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Cyferbyniad uchel</translation>
    </message>
    <message>
        <source>British English</source>
        <translation>Saesneg Prydain</translation>
    </message>
    <message>
        <source>Cymraeg (Welsh)</source>
        <translation>Cymraeg</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>I ffwrdd</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Gosodiadau</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Maint y testun</translation>
    </message>
    <message>
        <source>Lock after this many minutes without use</source>
        <translation>Cloi ar ôl y nifer yma o funudau heb ei ddefnyddio</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Lliwiau</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Chwyddo</translation>
    </message>
    <message>
        <source>Ctrl+plus and Ctrl+minus zoom too; Ctrl+0 goes back to 100%.</source>
        <translation>Mae Ctrl+plws a Ctrl+minws yn chwyddo hefyd; mae Ctrl+0 yn mynd yn ôl i 100%.</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>Sillafu</translation>
    </message>
    <message>
        <source>Misspelt words get a red underline; right-click one for suggestions.</source>
        <translation>Mae geiriau wedi&apos;u camsillafu yn cael llinell goch oddi tanynt; de-gliciwch ar un i gael awgrymiadau.</translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation>Iaith y ffenestr</translation>
    </message>
    <message>
        <source>The window&apos;s own words; the programme&apos;s questions stay as they are written. A new choice shows from the next time peerjournal opens.</source>
        <translation>Geiriau&apos;r ffenestr ei hun; mae cwestiynau&apos;r rhaglen yn aros fel y maen nhw wedi&apos;u hysgrifennu. Bydd dewis newydd yn ymddangos y tro nesaf y bydd peerjournal yn agor.</translation>
    </message>
    <message>
        <source>Show what I wrote a month and a year before</source>
        <translation>Dangos yr hyn a ysgrifennais fis a blwyddyn ynghynt</translation>
    </message>
    <message>
        <source>The day before each session that has a date</source>
        <translation>Y diwrnod cyn pob sesiwn sydd â dyddiad</translation>
    </message>
    <message>
        <source>Each day, to write, at</source>
        <translation>Bob dydd, i ysgrifennu, am</translation>
    </message>
    <message>
        <source>The time of the daily reminder</source>
        <translation>Amser y nodyn atgoffa dyddiol</translation>
    </message>
    <message>
        <source>Start with my computer, quietly</source>
        <translation>Dechrau gyda fy nghyfrifiadur, yn dawel</translation>
    </message>
    <message>
        <source>So reminders come when the window is closed. peerjournal waits, locked, in the notification area.</source>
        <translation>Er mwyn i nodiadau atgoffa ddod pan fydd y ffenestr ar gau. Mae peerjournal yn aros, dan glo, yn yr ardal hysbysiadau.</translation>
    </message>
    <message>
        <source>A reminder says only “A gentle reminder from peerjournal”: nothing you wrote and no session&apos;s name.</source>
        <translation>Mae nodyn atgoffa yn dweud dim ond “Nodyn atgoffa caredig gan peerjournal”: dim byd a ysgrifennoch chi, a dim enw sesiwn.</translation>
    </message>
    <message>
        <source>Lock by itself after</source>
        <translation>Cloi ohono&apos;i hun ar ôl</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <source>On this day</source>
        <translation>Ar y diwrnod hwn</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Nodiadau atgoffa</translation>
    </message>
    <message>
        <source>Backups…</source>
        <translation>Copïau wrth gefn…</translation>
    </message>
    <message>
        <source>Your copy: export, print, bring in…</source>
        <translation>Eich copi: allforio, argraffu, dod â phethau i mewn…</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Newid y cyfrinymadrodd…</translation>
    </message>
    <message>
        <source>Make a new recovery key…</source>
        <translation>Gwneud allwedd adfer newydd…</translation>
    </message>
    <message>
        <source>Your journal</source>
        <translation>Eich dyddlyfr</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>Changes are kept as you make them.</source>
        <translation>Mae newidiadau&apos;n cael eu cadw wrth i chi eu gwneud.</translation>
    </message>
    <message>
        <source>Locking hides everything you have written until your passphrase is typed again. Ctrl+L locks at once; Ctrl+Shift+H hides the window straight away and locks it too.</source>
        <translation>Mae cloi yn cuddio popeth rydych chi wedi&apos;i ysgrifennu nes bydd eich cyfrinymadrodd yn cael ei deipio eto. Mae Ctrl+L yn cloi ar unwaith; mae Ctrl+Shift+H yn cuddio&apos;r ffenestr yn syth ac yn ei chloi hefyd.</translation>
    </message>
    <message>
        <source> minute</source>
        <translation> munud</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> munud</translation>
    </message>
</context>
<context>
    <name>setup</name>
    <message>
        <source>The Peer Coaching Tree</source>
        <translation>The Peer Coaching Tree</translation>
    </message>
    <message>
        <source>Welcome to peerjournal</source>
        <translation>Croeso i peerjournal</translation>
    </message>
    <message>
        <source>This is your own private journal for the Peer 2 Peer programme. You can answer the workbook&apos;s questions here, come back to them over the weeks, and keep a few words each day.</source>
        <translation>Dyma eich dyddlyfr preifat eich hun ar gyfer rhaglen Peer 2 Peer. Gallwch ateb cwestiynau&apos;r llyfr gwaith yma, dod yn ôl atyn nhw dros yr wythnosau, ac ysgrifennu ychydig eiriau bob dydd.</translation>
    </message>
    <message>
        <source>Everything you write stays on this computer, locked with a passphrase that only you know. Nobody else can read it: not your facilitator, not the people who made this app, and not anyone else who uses this laptop.</source>
        <translation>Mae popeth rydych chi&apos;n ei ysgrifennu yn aros ar y cyfrifiadur hwn, wedi&apos;i gloi â chyfrinymadrodd mai dim ond chi sy&apos;n ei wybod. All neb arall ei ddarllen: nid eich hwylusydd, nid y bobl a wnaeth yr ap hwn, a neb arall sy&apos;n defnyddio&apos;r gliniadur hwn.</translation>
    </message>
    <message>
        <source>Nothing here is ever required. Write as much or as little as you like.</source>
        <translation>Does dim byd yma&apos;n orfodol byth. Ysgrifennwch gymaint neu gyn lleied ag y mynnwch.</translation>
    </message>
    <message>
        <source>Begin</source>
        <translation>Dechrau</translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation>Dewis cyfrinymadrodd</translation>
    </message>
    <message>
        <source>You will type this each time you open your journal. A few unrelated words you will remember work well, for example four things you can see from your favourite chair.</source>
        <translation>Byddwch yn teipio hwn bob tro y byddwch yn agor eich dyddlyfr. Mae ychydig o eiriau digyswllt y byddwch chi&apos;n eu cofio yn gweithio&apos;n dda, er enghraifft pedwar peth y gallwch eu gweld o&apos;ch hoff gadair.</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Cyfrinymadrodd newydd</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>Teipiwch ef eto</translation>
    </message>
    <message>
        <source>Create my journal</source>
        <translation>Creu fy nyddlyfr</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Yn ôl</translation>
    </message>
    <message>
        <source>Locking your new journal. This takes a moment…</source>
        <translation>Yn cloi eich dyddlyfr newydd. Mae hyn yn cymryd eiliad…</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cyfrinymadrodd</translation>
    </message>
</context>
<context>
    <name>share_review</name>
    <message>
        <source>In this story: %1 sections and %2 answers.</source>
        <translation>Yn y stori hon: %1 adran a %2 ateb.</translation>
    </message>
    <message>
        <source>%1 questions print with space to write on.</source>
        <translation>Mae %1 cwestiwn yn argraffu gyda lle i ysgrifennu.</translation>
    </message>
    <message>
        <source>Before I share</source>
        <translation>Cyn i mi rannu</translation>
    </message>
    <message>
        <source>Skip, and don&apos;t ask again for these words</source>
        <translation>Hepgor, a pheidio â gofyn eto am y geiriau hyn</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Yn ôl</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nesaf</translation>
    </message>
    <message>
        <source>Your story as it will print</source>
        <translation>Eich stori fel y bydd yn argraffu</translation>
    </message>
    <message>
        <source>The helper marks words that have gentler, recovery-focused alternatives, where they are. You decide: change an answer here, or leave it as it is.</source>
        <translation>Mae&apos;r cynorthwyydd yn marcio geiriau sydd â dewisiadau eraill mwy caredig, sy&apos;n canolbwyntio ar adferiad, lle maen nhw. Chi sy&apos;n penderfynu: newidiwch ateb yma, neu gadewch ef fel y mae.</translation>
    </message>
    <message>
        <source>The helper found nothing to mention.</source>
        <translation>Ni chafodd y cynorthwyydd ddim byd i&apos;w nodi.</translation>
    </message>
    <message>
        <source>This version is kept as it was. To change these words, change the answer and save a new version.</source>
        <translation>Mae&apos;r fersiwn hon yn cael ei chadw fel yr oedd. I newid y geiriau hyn, newidiwch yr ateb a chadw fersiwn newydd.</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Cadw PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Argraffu…</translation>
    </message>
    <message>
        <source>A saved or printed copy is not encrypted: keep it somewhere safe.</source>
        <translation>Nid yw copi wedi&apos;i gadw neu ei argraffu wedi&apos;i amgryptio: cadwch ef yn rhywle diogel.</translation>
    </message>
    <message>
        <source>Read it as it will print</source>
        <translation>Darllenwch hi fel y bydd yn argraffu</translation>
    </message>
    <message>
        <source>Five questions, asked of this version</source>
        <translation>Pum cwestiwn, am y fersiwn hon</translation>
    </message>
    <message>
        <source>Ready to share</source>
        <translation>Yn barod i rannu</translation>
    </message>
    <message>
        <source>BEFORE I SHARE · STEP %1 OF 3</source>
        <translation>CYN I MI RANNU · CAM %1 O 3</translation>
    </message>
    <message>
        <source>You answered %1 of the %2 questions.</source>
        <translation>Fe atebwch chi %1 o&apos;r %2 cwestiwn.</translation>
    </message>
</context>
<context>
    <name>sidebar</name>
    <message>
        <source>Programme</source>
        <translation>Rhaglen</translation>
    </message>
    <message>
        <source>Overall progress</source>
        <translation>Cynnydd cyffredinol</translation>
    </message>
    <message>
        <source>Coming up</source>
        <translation>I ddod</translation>
    </message>
    <message>
        <source>Daily pages</source>
        <translation>Tudalennau dyddiol</translation>
    </message>
    <message>
        <source>Your story</source>
        <translation>Eich stori</translation>
    </message>
    <message>
        <source>Overall: %1</source>
        <translation>At ei gilydd: %1</translation>
    </message>
</context>
<context>
    <name>spectrum</name>
    <message>
        <source>Between “%1” and “%2”</source>
        <translation>Rhwng “%1” a “%2”</translation>
    </message>
    <message>
        <source>Not marked yet</source>
        <translation>Heb ei farcio eto</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clirio</translation>
    </message>
    <message>
        <source>Clear the mark for “%1”</source>
        <translation>Clirio&apos;r marc ar gyfer “%1”</translation>
    </message>
</context>
<context>
    <name>story_compare</name>
    <message>
        <source>Story title</source>
        <translation>Teitl y stori</translation>
    </message>
    <message>
        <source>Your name on the story</source>
        <translation>Eich enw ar y stori</translation>
    </message>
</context>
<context>
    <name>support_panel</name>
    <message>
        <source>from %1</source>
        <translation>gan %1</translation>
    </message>
    <message>
        <source>from peerjournal</source>
        <translation>gan peerjournal</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Number, or how to reach them</source>
        <translation>Rhif, neu sut i gysylltu â nhw</translation>
    </message>
    <message>
        <source>A note, for example when to call</source>
        <translation>Nodyn, er enghraifft pryd i ffonio</translation>
    </message>
    <message>
        <source>A note</source>
        <translation>Nodyn</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Tynnu</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Tynnu %1</translation>
    </message>
    <message>
        <source>Remove this contact</source>
        <translation>Tynnu&apos;r cyswllt hwn</translation>
    </message>
    <message>
        <source>Need support now?</source>
        <translation>Angen cymorth nawr?</translation>
    </message>
    <message>
        <source>If you are in danger, or might act on thoughts of harming yourself, call 999 now or go to A&amp;E. You do not have to be sure it is serious enough.</source>
        <translation>Os ydych chi mewn perygl, neu os gallech chi weithredu ar feddyliau am niweidio eich hun, ffoniwch 999 nawr neu ewch i&apos;r Adran Achosion Brys. Does dim rhaid i chi fod yn siŵr ei fod yn ddigon difrifol.</translation>
    </message>
    <message>
        <source>People you can talk to</source>
        <translation>Pobl y gallwch siarad â nhw</translation>
    </message>
    <message>
        <source>Your own people</source>
        <translation>Eich pobl eich hun</translation>
    </message>
    <message>
        <source>Add someone</source>
        <translation>Ychwanegu rhywun</translation>
    </message>
    <message>
        <source>My support plan</source>
        <translation>Fy nghynllun cymorth</translation>
    </message>
    <message>
        <source>Open my support plan…</source>
        <translation>Agor fy nghynllun cymorth…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>What helps you on a bad day, in your own words, on one page to print.</source>
        <translation>Beth sy&apos;n eich helpu ar ddiwrnod gwael, yn eich geiriau eich hun, ar un dudalen i&apos;w hargraffu.</translation>
    </message>
    <message>
        <source>Unlock your journal to see your support plan.</source>
        <translation>Datglowch eich dyddlyfr i weld eich cynllun cymorth.</translation>
    </message>
    <message>
        <source>Unlock your journal to see the people you have added.</source>
        <translation>Datgloi eich dyddlyfr i weld y bobl rydych chi wedi&apos;u hychwanegu.</translation>
    </message>
    <message>
        <source>Add the people you would like to reach when things are hard. They are kept locked in your journal with everything else, and saved as you type.</source>
        <translation>Ychwanegwch y bobl yr hoffech gysylltu â nhw pan fydd pethau&apos;n anodd. Maen nhw&apos;n cael eu cadw dan glo yn eich dyddlyfr gyda phopeth arall, ac yn cael eu cadw wrth i chi deipio.</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Wedi&apos;i gadw</translation>
    </message>
</context>
<context>
    <name>support_plan</name>
    <message>
        <source>What helps me</source>
        <translation>Beth sy&apos;n fy helpu</translation>
    </message>
    <message>
        <source>The things, people and habits that help when things are hard.</source>
        <translation>Y pethau, y bobl a&apos;r arferion sy&apos;n helpu pan fydd pethau&apos;n anodd.</translation>
    </message>
    <message>
        <source>Early signs I notice</source>
        <translation>Arwyddion cynnar rwy&apos;n sylwi arnyn nhw</translation>
    </message>
    <message>
        <source>How you can tell things are getting harder: thoughts, feelings, habits.</source>
        <translation>Sut gallwch chi ddweud bod pethau&apos;n mynd yn anoddach: meddyliau, teimladau, arferion.</translation>
    </message>
    <message>
        <source>What I&apos;d like people to do</source>
        <translation>Beth hoffwn i bobl ei wneud</translation>
    </message>
    <message>
        <source>What helps when someone wants to help: words, company, practical things.</source>
        <translation>Beth sy&apos;n helpu pan fydd rhywun eisiau helpu: geiriau, cwmni, pethau ymarferol.</translation>
    </message>
    <message>
        <source>What I&apos;d like people not to do</source>
        <translation>Beth hoffwn i bobl beidio â&apos;i wneud</translation>
    </message>
    <message>
        <source>What does not help, and the boundaries you keep.</source>
        <translation>Beth sydd ddim yn helpu, a&apos;r ffiniau rydych chi&apos;n eu cadw.</translation>
    </message>
    <message>
        <source>People I can contact</source>
        <translation>Pobl y gallaf gysylltu â nhw</translation>
    </message>
    <message>
        <source>Anyone else, or a note about when to call whom. The people you added under “Your own people” are printed with the plan.</source>
        <translation>Unrhyw un arall, neu nodyn am bryd i ffonio pwy. Mae&apos;r bobl a ychwanegoch o dan “Eich pobl eich hun” yn cael eu hargraffu gyda&apos;r cynllun.</translation>
    </message>
    <message>
        <source>Places that are safe for me</source>
        <translation>Lleoedd sy&apos;n ddiogel i mi</translation>
    </message>
    <message>
        <source>Where you can go to feel calmer or safe.</source>
        <translation>Ble gallwch chi fynd i deimlo&apos;n dawelach neu&apos;n ddiogel.</translation>
    </message>
    <message>
        <source>My support plan</source>
        <translation>Fy nghynllun cymorth</translation>
    </message>
    <message>
        <source>For a bad day, in your own words. It is kept locked in your journal with everything else and saved as you type. Print it to keep in a wallet, or to give to someone you trust.</source>
        <translation>Ar gyfer diwrnod gwael, yn eich geiriau eich hun. Mae&apos;n cael ei gadw dan glo yn eich dyddlyfr gyda phopeth arall ac yn cael ei gadw wrth i chi deipio. Argraffwch ef i&apos;w gadw mewn waled, neu i&apos;w roi i rywun rydych chi&apos;n ymddiried ynddo.</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Cadw fel PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Argraffu…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>Start from what you wrote in your story: “%1”</source>
        <translation>Dechrau o&apos;r hyn a ysgrifennoch chi yn eich stori: “%1”</translation>
    </message>
    <message>
        <source>No one yet: add them under “Your own people”, in Need support now?</source>
        <translation>Neb eto: ychwanegwch nhw o dan “Eich pobl eich hun”, yn Angen cymorth nawr?</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Wedi&apos;i gadw</translation>
    </message>
    <message>
        <source>Making the page…</source>
        <translation>Yn paratoi&apos;r dudalen…</translation>
    </message>
    <message>
        <source>Save your support plan as PDF</source>
        <translation>Cadw eich cynllun cymorth fel PDF</translation>
    </message>
    <message>
        <source>Saved to %1. This copy is not encrypted: keep it somewhere safe.</source>
        <translation>Wedi&apos;i gadw yn %1. Nid yw&apos;r copi hwn wedi&apos;i amgryptio: cadwch ef yn rhywle diogel.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Wedi&apos;i anfon i&apos;r argraffydd.</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Nid oedd modd dechrau&apos;r argraffydd.</translation>
    </message>
</context>
<context>
    <name>text</name>
    <message>
        <source>Write as much or as little as you like.</source>
        <translation>Ysgrifennwch gymaint neu gyn lleied ag y mynnwch.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Rhagolwg</translation>
    </message>
    <message>
        <source>See it formatted (Ctrl+Shift+P)</source>
        <translation>Gweld y fformat (Ctrl+Shift+P)</translation>
    </message>
</context>
<context>
    <name>top_bar</name>
    <message>
        <source>Need support now?</source>
        <translation>Angen cymorth nawr?</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Cymorth</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Yn cadw…</translation>
    </message>
    <message>
        <source>peerjournal · Demo</source>
        <translation>peerjournal · Enghraifft</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Yn cadw</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Chwyddo</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Gosodiadau</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Cloi</translation>
    </message>
    <message>
        <source>Lock your journal (Ctrl+L)</source>
        <translation>Cloi eich dyddlyfr (Ctrl+L)</translation>
    </message>
    <message>
        <source>The window is shown at %1%. Press to go back to 100% (Ctrl+0).</source>
        <translation>Mae&apos;r ffenestr yn cael ei dangos ar %1%. Pwyswch i fynd yn ôl i 100% (Ctrl+0).</translation>
    </message>
    <message>
        <source>Back to 100% (Ctrl+0). Ctrl+plus and Ctrl+minus zoom.</source>
        <translation>Yn ôl i 100% (Ctrl+0). Mae Ctrl+plws a Ctrl+minws yn chwyddo.</translation>
    </message>
</context>
<context>
    <name>tree_view</name>
    <message>
        <source>The Peer Coaching Tree</source>
        <translation>The Peer Coaching Tree</translation>
    </message>
    <message>
        <source>Use the arrow keys to move between the parts of the tree, and Enter to open one.</source>
        <translation>Defnyddiwch y bysellau saeth i symud rhwng rhannau&apos;r goeden, ac Enter i agor un.</translation>
    </message>
    <message>
        <source>%1: %2. Press Enter to open.</source>
        <translation>%1: %2. Pwyswch Enter i agor.</translation>
    </message>
    <message>
        <source>Choose a part of the tree to open it. Each leaf is a question; leaves fill in as you write. There is no order to follow and no rush.</source>
        <translation>Dewiswch ran o&apos;r goeden i&apos;w hagor. Cwestiwn yw pob deilen; mae&apos;r dail yn llenwi wrth i chi ysgrifennu. Does dim trefn i&apos;w dilyn a does dim brys.</translation>
    </message>
    <message>
        <source>The parts of the tree</source>
        <translation>Rhannau&apos;r goeden</translation>
    </message>
    <message>
        <source>Press Enter to open a part.</source>
        <translation>Pwyswch Enter i agor rhan.</translation>
    </message>
</context>
<context>
    <name>unlock</name>
    <message>
        <source>Welcome back</source>
        <translation>Croeso&apos;n ôl</translation>
    </message>
    <message>
        <source>Your journal is locked. Type your passphrase to open it.</source>
        <translation>Mae eich dyddlyfr wedi&apos;i gloi. Teipiwch eich cyfrinymadrodd i&apos;w agor.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Datgloi</translation>
    </message>
    <message>
        <source>Forgot your passphrase?</source>
        <translation>Wedi anghofio eich cyfrinymadrodd?</translation>
    </message>
    <message>
        <source>Opening your journal…</source>
        <translation>Yn agor eich dyddlyfr…</translation>
    </message>
    <message>
        <source>Open with your recovery key</source>
        <translation>Agor gyda&apos;ch allwedd adfer</translation>
    </message>
    <message>
        <source>Type the recovery key you wrote down or printed when you set up your journal, then choose a new passphrase. Capital letters, spaces and dashes do not matter.</source>
        <translation>Teipiwch yr allwedd adfer a ysgrifennoch i lawr neu a argraffoch pan sefydloch eich dyddlyfr, yna dewiswch gyfrinymadrodd newydd. Does dim ots am briflythrennau, bylchau a llinellau toriad.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Allwedd adfer</translation>
    </message>
    <message>
        <source>ABCD-EFGH-…</source>
        <translation>ABCD-EFGH-…</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Cyfrinymadrodd newydd</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>Teipiwch ef eto</translation>
    </message>
    <message>
        <source>Open and keep the new passphrase</source>
        <translation>Agor a chadw&apos;r cyfrinymadrodd newydd</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Yn ôl</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <source>Show</source>
        <translation>Dangos</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Dangos %1</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Cuddio</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Cryfder y cyfrinymadrodd</translation>
    </message>
    <message>
        <source>A few unrelated words make a passphrase that is strong and easy to remember.</source>
        <translation>Mae ychydig o eiriau digyswllt yn gwneud cyfrinymadrodd sy&apos;n gryf ac yn hawdd ei gofio.</translation>
    </message>
</context>
</TS>
