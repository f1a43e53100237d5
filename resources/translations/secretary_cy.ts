<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB" sourcelanguage="en_GB">
  <context>
    <name />
    <message>
      <source> — OVERDUE</source>
      <translation> — HWYR</translation>
    </message>
    <message>
      <source>(directed: {0})</source>
      <translation>(cyfarwyddwyd: {0})</translation>
    </message>
    <message>
      <source>(no date)</source>
      <translation>(dim dyddiad)</translation>
    </message>
    <message>
      <source>A proxy is given to someone else.</source>
      <translation>Rhoddir procsi i rywun arall.</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Cam gweithredu</translation>
    </message>
    <message>
      <source>Action {ref}</source>
      <translation>Cam gweithredu {ref}</translation>
    </message>
    <message>
      <source>Action {ref} carried forward</source>
      <translation>Cam gweithredu {ref} wedi'i ddwyn ymlaen</translation>
    </message>
    <message>
      <source>Action {ref} updated</source>
      <translation>Diweddarwyd cam gweithredu {ref}</translation>
    </message>
    <message>
      <source>Actions</source>
      <translation>Camau gweithredu</translation>
    </message>
    <message>
      <source>Actions of this meeting still open:</source>
      <translation>Camau gweithredu'r cyfarfod hwn sydd ar agor o hyd:</translation>
    </message>
    <message>
      <source>Agenda and papers issued</source>
      <translation>Agenda a phapurau wedi'u cyhoeddi</translation>
    </message>
    <message>
      <source>Agenda reordered</source>
      <translation>Aildrefnwyd yr agenda</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>Swm</translation>
    </message>
    <message>
      <source>Apologies from {name}</source>
      <translation>Ymddiheuriadau gan {name}</translation>
    </message>
    <message>
      <source>Arrived</source>
      <translation>Cyrraedd</translation>
    </message>
    <message>
      <source>Attendee</source>
      <translation>Mynychwr</translation>
    </message>
    <message>
      <source>Bilingual: Cymraeg / English</source>
      <translation>Dwyieithog: Cymraeg / English</translation>
    </message>
    <message>
      <source>Changed since the agenda was issued:</source>
      <translation>Newidiwyd ers cyhoeddi'r agenda:</translation>
    </message>
    <message>
      <source>Choose the agenda item first.</source>
      <translation>Dewiswch yr eitem ar yr agenda yn gyntaf.</translation>
    </message>
    <message>
      <source>Choose who declares (type part of the name).</source>
      <translation>Dewiswch pwy sy'n datgan (teipiwch ran o'r enw).</translation>
    </message>
    <message>
      <source>Choose who gives the proxy and who holds it (type part of a name).</source>
      <translation>Dewiswch pwy sy'n rhoi'r procsi a phwy sy'n ei ddal (teipiwch ran o enw).</translation>
    </message>
    <message>
      <source>Cluster</source>
      <translation>Clwstwr</translation>
    </message>
    <message>
      <source>Cluster Secretary</source>
      <translation>Ysgrifennydd y Clwstwr</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Dyddiad</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>Penderfyniad</translation>
    </message>
    <message>
      <source>Decision refused: {0}. The banner says what is missing.</source>
      <translation>Gwrthodwyd y penderfyniad: {0}. Mae'r faner yn dweud beth sydd ar goll.</translation>
    </message>
    <message>
      <source>Decision taken outside the meeting</source>
      <translation>Penderfyniad a wnaed y tu allan i'r cyfarfod</translation>
    </message>
    <message>
      <source>Decision taken outside the meeting: not ratified</source>
      <translation>Penderfyniad a wnaed y tu allan i'r cyfarfod: heb ei gadarnhau</translation>
    </message>
    <message>
      <source>Decision taken outside the meeting: noted</source>
      <translation>Penderfyniad a wnaed y tu allan i'r cyfarfod: wedi'i nodi</translation>
    </message>
    <message>
      <source>Decision taken outside the meeting: ratified</source>
      <translation>Penderfyniad a wnaed y tu allan i'r cyfarfod: wedi'i gadarnhau</translation>
    </message>
    <message>
      <source>Declaration of interest: {name}</source>
      <translation>Datganiad o fuddiant: {name}</translation>
    </message>
    <message>
      <source>Deputy</source>
      <translation>Dirprwy</translation>
    </message>
    <message>
      <source>Describe the action.</source>
      <translation>Disgrifiwch y cam gweithredu.</translation>
    </message>
    <message>
      <source>Describe the interest declared.</source>
      <translation>Disgrifiwch y buddiant a ddatganwyd.</translation>
    </message>
    <message>
      <source>Direction</source>
      <translation>Cyfarwyddyd</translation>
    </message>
    <message>
      <source>Documents for this meeting are already in {0}. Replace them with new ones?</source>
      <translation>Mae dogfennau'r cyfarfod hwn eisoes yn {0}. Hoffech chi roi rhai newydd yn eu lle?</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Erbyn</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>E-bost</translation>
    </message>
    <message>
      <source>Events recorded</source>
      <translation>Digwyddiadau a gofnodwyd</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Allforio</translation>
    </message>
    <message>
      <source>Export the minutes and logs to which folder?</source>
      <translation>I ba ffolder y dylid allforio'r cofnodion a'r logiau?</translation>
    </message>
    <message>
      <source>Exported {0} documents to {1}</source>
      <translation>Allforiwyd {0} o ddogfennau i {1}</translation>
    </message>
    <message>
      <source>Exporting the minutes and logs…</source>
      <translation>Wrthi'n allforio'r cofnodion a'r logiau…</translation>
    </message>
    <message>
      <source>Exports use {0}. Go back to the built-in house style?</source>
      <translation>Mae allforion yn defnyddio {0}. Hoffech chi fynd yn ôl at arddull y tŷ sydd wedi'i chynnwys?</translation>
    </message>
    <message>
      <source>Exports will use the Word template {0}</source>
      <translation>Bydd allforion yn defnyddio'r templed Word {0}</translation>
    </message>
    <message>
      <source>Exports will use the built-in house style</source>
      <translation>Bydd allforion yn defnyddio arddull y tŷ sydd wedi'i chynnwys</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Ffeil</translation>
    </message>
    <message>
      <source>Financial</source>
      <translation>Ariannol</translation>
    </message>
    <message>
      <source>Financial log entry, {item}</source>
      <translation>Cofnod yn y log ariannol, {item}</translation>
    </message>
    <message>
      <source>For</source>
      <translation>O blaid</translation>
    </message>
    <message>
      <source>For this item</source>
      <translation>Ar gyfer yr eitem hon</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Oddi wrth</translation>
    </message>
    <message>
      <source>Give the budget line the money comes from.</source>
      <translation>Rhowch y llinell gyllideb y daw'r arian ohoni.</translation>
    </message>
    <message>
      <source>Give the person's name.</source>
      <translation>Rhowch enw'r person.</translation>
    </message>
    <message>
      <source>Guest</source>
      <translation>Gwestai</translation>
    </message>
    <message>
      <source>In attendance</source>
      <translation>Yn mynychu</translation>
    </message>
    <message>
      <source>In attendance: recorded, not counted for quorum, no vote.</source>
      <translation>Yn mynychu: wedi'i gofnodi, heb ei gyfrif at y cworwm, dim pleidlais.</translation>
    </message>
    <message>
      <source>Interest</source>
      <translation>Buddiant</translation>
    </message>
    <message>
      <source>Investment proposal recorded: {title}</source>
      <translation>Cynnig buddsoddi wedi'i gofnodi: {title}</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Eitem</translation>
    </message>
    <message>
      <source>Item added: {title}</source>
      <translation>Ychwanegwyd eitem: {title}</translation>
    </message>
    <message>
      <source>Item changed: {item}</source>
      <translation>Eitem wedi'i newid: {item}</translation>
    </message>
    <message>
      <source>Item withdrawn: {item}</source>
      <translation>Eitem wedi'i thynnu'n ôl: {item}</translation>
    </message>
    <message>
      <source>Language of the documents:</source>
      <translation>Iaith y dogfennau:</translation>
    </message>
    <message>
      <source>Left early</source>
      <translation>Gadael yn gynnar</translation>
    </message>
    <message>
      <source>Length</source>
      <translation>Hyd</translation>
    </message>
    <message>
      <source>Meeting closed at {at}</source>
      <translation>Caewyd y cyfarfod am {at}</translation>
    </message>
    <message>
      <source>Meeting reopened at {at}</source>
      <translation>Ailagorwyd y cyfarfod am {at}</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>Aelod</translation>
    </message>
    <message>
      <source>Minutes of {date} approved</source>
      <translation>Cymeradwywyd cofnodion {date}</translation>
    </message>
    <message>
      <source>Minutes sent on {date}</source>
      <translation>Anfonwyd y cofnodion ar {date}</translation>
    </message>
    <message>
      <source>Minutes to members</source>
      <translation>Cofnodion i'r aelodau</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Enw</translation>
    </message>
    <message>
      <source>No backup could be made: {0}</source>
      <translation>Nid oedd modd gwneud copi wrth gefn: {0}</translation>
    </message>
    <message>
      <source>No such action: {0}</source>
      <translation>Dim cam gweithredu o'r fath: {0}</translation>
    </message>
    <message>
      <source>No such person: {0}</source>
      <translation>Nid oes person o'r fath: {0}</translation>
    </message>
    <message>
      <source>No votes entered: choose for, against or abstain for each group.</source>
      <translation>Ni roddwyd pleidleisiau: dewiswch o blaid, yn erbyn neu ymatal ar gyfer pob grŵp.</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>Rhif</translation>
    </message>
    <message>
      <source>Not exported</source>
      <translation>Heb ei allforio</translation>
    </message>
    <message>
      <source>Not imported</source>
      <translation>Heb ei fewnforio</translation>
    </message>
    <message>
      <source>Not restored</source>
      <translation>Heb ei adfer</translation>
    </message>
    <message>
      <source>Notes saved</source>
      <translation>Cadwyd y nodiadau</translation>
    </message>
    <message>
      <source>Nothing to record: choose another status, write a note or give a new due date.</source>
      <translation>Dim i'w gofnodi: dewiswch statws arall, ysgrifennwch nodyn neu rhowch ddyddiad erbyn newydd.</translation>
    </message>
    <message>
      <source>Nothing to redo.</source>
      <translation>Dim i'w ailwneud.</translation>
    </message>
    <message>
      <source>Nothing to undo.</source>
      <translation>Dim i'w ddadwneud.</translation>
    </message>
    <message>
      <source>Notice of the meeting given</source>
      <translation>Rhybudd o'r cyfarfod wedi'i roi</translation>
    </message>
    <message>
      <source>Now on: {item}</source>
      <translation>Yn awr: {item}</translation>
    </message>
    <message>
      <source>On the roster since</source>
      <translation>Ar y rhestr ers</translation>
    </message>
    <message>
      <source>Organisation</source>
      <translation>Sefydliad</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>Arweinydd</translation>
    </message>
    <message>
      <source>Paper</source>
      <translation>Papur</translation>
    </message>
    <message>
      <source>Paper attached: {title}</source>
      <translation>Papur wedi'i atodi: {title}</translation>
    </message>
    <message>
      <source>Paper withdrawn</source>
      <translation>Papur wedi'i dynnu'n ôl</translation>
    </message>
    <message>
      <source>Paper {0}</source>
      <translation>Papur {0}</translation>
    </message>
    <message>
      <source>Papers</source>
      <translation>Papurau</translation>
    </message>
    <message>
      <source>People whose attendance was recorded from the Teams report: {0}.</source>
      <translation>Pobl y cofnodwyd eu presenoldeb o adroddiad Teams: {0}.</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Person</translation>
    </message>
    <message>
      <source>Presented by {0}</source>
      <translation>Cyflwynwyd gan {0}</translation>
    </message>
    <message>
      <source>Presenter</source>
      <translation>Cyflwynydd</translation>
    </message>
    <message>
      <source>Proxy: {grantor} to {holder}</source>
      <translation>Procsi: {grantor} i {holder}</translation>
    </message>
    <message>
      <source>Purpose</source>
      <translation>Diben</translation>
    </message>
    <message>
      <source>Reading the meetings…</source>
      <translation>Wrthi'n darllen y cyfarfodydd…</translation>
    </message>
    <message>
      <source>Record backups (*.sqlite);;All files (*)</source>
      <translation>Copïau wrth gefn o'r cofnod (*.sqlite);;Pob ffeil (*)</translation>
    </message>
    <message>
      <source>Recorded</source>
      <translation>Cofnodwyd</translation>
    </message>
    <message>
      <source>Recorded since this backup, and put aside with the copy:
{0}

</source>
      <translation>Wedi'u cofnodi ers y copi wrth gefn hwn, ac wedi'u rhoi o'r neilltu gyda'r copi:
{0}

</translation>
    </message>
    <message>
      <source>Redone</source>
      <translation>Ailwnaed</translation>
    </message>
    <message>
      <source>Redone: {0}</source>
      <translation>Ailwnaed: {0}</translation>
    </message>
    <message>
      <source>Ref</source>
      <translation>Cyf</translation>
    </message>
    <message>
      <source>Replace the documents?</source>
      <translation>Rhoi dogfennau newydd yn lle'r rhain?</translation>
    </message>
    <message>
      <source>Replace the record with the backup {0}?

{1}The current record is kept as a copy first, so nothing is lost. The window will close; open the record again afterwards.</source>
      <translation>Rhoi'r copi wrth gefn {0} yn lle'r cofnod?

{1}Cedwir copi o'r cofnod presennol yn gyntaf, felly ni chollir dim. Bydd y ffenestr yn cau; agorwch y cofnod eto wedyn.</translation>
    </message>
    <message>
      <source>Restore from backup</source>
      <translation>Adfer o gopi wrth gefn</translation>
    </message>
    <message>
      <source>Restore which backup?</source>
      <translation>Pa gopi wrth gefn i'w adfer?</translation>
    </message>
    <message>
      <source>Restore would undo</source>
      <translation>Byddai adfer yn dadwneud</translation>
    </message>
    <message>
      <source>Restored</source>
      <translation>Adferwyd</translation>
    </message>
    <message>
      <source>Restoring {0} would undo:

{1}

The record as it is now is kept apart. Restore it anyway?</source>
      <translation>Byddai adfer {0} yn dadwneud:

{1}

Cedwir y cofnod fel y mae nawr ar wahân. Hoffech chi ei adfer beth bynnag?</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Rôl</translation>
    </message>
    <message>
      <source>Seat</source>
      <translation>Sedd</translation>
    </message>
    <message>
      <source>Seat / kind</source>
      <translation>Sedd / math</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Maint</translation>
    </message>
    <message>
      <source>Something went wrong</source>
      <translation>Aeth rhywbeth o'i le</translation>
    </message>
    <message>
      <source>Something went wrong in the window, but everything recorded so far is safe in the record. You can carry on with the meeting.</source>
      <translation>Aeth rhywbeth o'i le yn y ffenestr, ond mae popeth a gofnodwyd hyd yma yn ddiogel yn y cofnod. Gallwch barhau â'r cyfarfod.</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>Dechrau</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statws</translation>
    </message>
    <message>
      <source>Teams attendance report</source>
      <translation>Adroddiad presenoldeb Teams</translation>
    </message>
    <message>
      <source>Teams attendance report (*.csv *.tsv *.txt);;All files (*)</source>
      <translation>Adroddiad presenoldeb Teams (*.csv *.tsv *.txt);;Pob ffeil (*)</translation>
    </message>
    <message>
      <source>The meeting is already closed.</source>
      <translation>Mae'r cyfarfod eisoes wedi'i gau.</translation>
    </message>
    <message>
      <source>The meeting is not closed.</source>
      <translation>Nid yw'r cyfarfod wedi'i gau.</translation>
    </message>
    <message>
      <source>The record cannot be opened</source>
      <translation>Nid oes modd agor y cofnod</translation>
    </message>
    <message>
      <source>The record used last time, {0}, is not there: it was moved, renamed or deleted. Nothing was created. Start Cluster Secretary with --db and the record where it is now.</source>
      <translation>Nid yw'r cofnod a ddefnyddiwyd y tro diwethaf, {0}, yno: cafodd ei symud, ei ailenwi neu ei ddileu. Ni chrëwyd dim. Dechreuwch Ysgrifennydd y Clwstwr gyda --db a'r cofnod lle mae nawr.</translation>
    </message>
    <message>
      <source>The record was restored from {0}. Open it again to carry on.</source>
      <translation>Adferwyd y cofnod o {0}. Agorwch ef eto i barhau.</translation>
    </message>
    <message>
      <source>Then</source>
      <translation>Yna</translation>
    </message>
    <message>
      <source>There are no backups of this record yet.</source>
      <translation>Nid oes copïau wrth gefn o'r cofnod hwn eto.</translation>
    </message>
    <message>
      <source>This record is on a database server: ask its administrator to restore it.</source>
      <translation>Mae'r cofnod hwn ar weinydd cronfa ddata: gofynnwch i'w weinyddwr ei adfer.</translation>
    </message>
    <message>
      <source>This template cannot be used</source>
      <translation>Nid oes modd defnyddio'r templed hwn</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>Amser</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Teitl</translation>
    </message>
    <message>
      <source>To</source>
      <translation>At</translation>
    </message>
    <message>
      <source>Undone (recorded as a correction)</source>
      <translation>Dadwnaed (wedi'i gofnodi fel cywiriad)</translation>
    </message>
    <message>
      <source>Undone: {0} (recorded as a correction)</source>
      <translation>Dadwnaed: {0} (wedi'i gofnodi fel cywiriad)</translation>
    </message>
    <message>
      <source>Venue</source>
      <translation>Lleoliad</translation>
    </message>
    <message>
      <source>Vote</source>
      <translation>Pleidlais</translation>
    </message>
    <message>
      <source>Vote on {item}</source>
      <translation>Pleidlais ar {item}</translation>
    </message>
    <message>
      <source>Votes now</source>
      <translation>Pleidleisiau yn awr</translation>
    </message>
    <message>
      <source>Voting group</source>
      <translation>Grŵp pleidleisio</translation>
    </message>
    <message>
      <source>What happened ({0}) is written in {1}.</source>
      <translation>Mae'r hyn a ddigwyddodd ({0}) wedi'i ysgrifennu yn {1}.</translation>
    </message>
    <message>
      <source>Word documents and templates (*.docx *.dotx);;All files (*)</source>
      <translation>Dogfennau a thempledi Word (*.docx *.dotx);;Pob ffeil (*)</translation>
    </message>
    <message>
      <source>Word template</source>
      <translation>Templed Word</translation>
    </message>
    <message>
      <source>Word template for the minutes and logs</source>
      <translation>Templed Word ar gyfer y cofnodion a'r logiau</translation>
    </message>
    <message>
      <source>Worked out from the start of the meeting and the lengths of the items before</source>
      <translation>Wedi'i gyfrifo o amser dechrau'r cyfarfod a hyd yr eitemau o'i blaen</translation>
    </message>
    <message>
      <source>absent</source>
      <translation>yn absennol</translation>
    </message>
    <message>
      <source>abstains</source>
      <translation>yn ymatal</translation>
    </message>
    <message>
      <source>agreed by consensus</source>
      <translation>cytunwyd drwy gonsensws</translation>
    </message>
    <message>
      <source>apologies</source>
      <translation>ymddiheuriadau</translation>
    </message>
    <message>
      <source>blocked (inquorate)</source>
      <translation>wedi'i atal (heb gworwm)</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>wedi'i ganslo</translation>
    </message>
    <message>
      <source>cannot vote</source>
      <translation>ni all bleidleisio</translation>
    </message>
    <message>
      <source>carried</source>
      <translation>pasiwyd</translation>
    </message>
    <message>
      <source>complete</source>
      <translation>wedi'i gwblhau</translation>
    </message>
    <message>
      <source>due by {date}</source>
      <translation>erbyn {date}</translation>
    </message>
    <message>
      <source>every item</source>
      <translation>pob eitem</translation>
    </message>
    <message>
      <source>in force</source>
      <translation>mewn grym</translation>
    </message>
    <message>
      <source>in progress</source>
      <translation>ar waith</translation>
    </message>
    <message>
      <source>left {0}</source>
      <translation>gadawodd {0}</translation>
    </message>
    <message>
      <source>may vote</source>
      <translation>caiff bleidleisio</translation>
    </message>
    <message>
      <source>must abstain</source>
      <translation>rhaid ymatal</translation>
    </message>
    <message>
      <source>no due date</source>
      <translation>dim dyddiad erbyn</translation>
    </message>
    <message>
      <source>none stated</source>
      <translation>ni nodwyd dim</translation>
    </message>
    <message>
      <source>not carried</source>
      <translation>ni phasiwyd</translation>
    </message>
    <message>
      <source>not directed</source>
      <translation>heb gyfarwyddyd</translation>
    </message>
    <message>
      <source>not for this item</source>
      <translation>nid ar gyfer yr eitem hon</translation>
    </message>
    <message>
      <source>not recorded</source>
      <translation>heb ei gofnodi</translation>
    </message>
    <message>
      <source>not represented</source>
      <translation>heb gynrychiolaeth</translation>
    </message>
    <message>
      <source>open</source>
      <translation>ar agor</translation>
    </message>
    <message>
      <source>overdue (due {date})</source>
      <translation>yn hwyr (erbyn {date})</translation>
    </message>
    <message>
      <source>present</source>
      <translation>yn bresennol</translation>
    </message>
    <message>
      <source>remote</source>
      <translation>o bell</translation>
    </message>
    <message>
      <source>sent {date}</source>
      <translation>anfonwyd {date}</translation>
    </message>
    <message>
      <source>sent {date}, late (due {due})</source>
      <translation>anfonwyd {date}, yn hwyr (erbyn {due})</translation>
    </message>
    <message>
      <source>this item</source>
      <translation>yr eitem hon</translation>
    </message>
    <message>
      <source>this window is read only (the record is being recorded elsewhere)</source>
      <translation>darllen yn unig yw'r ffenestr hon (mae'r cofnod yn cael ei gofnodi mewn man arall)</translation>
    </message>
    <message>
      <source>withdrawn for item</source>
      <translation>wedi ymneilltuo ar gyfer yr eitem</translation>
    </message>
    <message>
      <source>withdraws</source>
      <translation>yn ymneilltuo</translation>
    </message>
    <message>
      <source>withdrew</source>
      <translation>ymneilltuodd</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>ie</translation>
    </message>
    <message>
      <source>{0} (deputy)</source>
      <translation>{0} (dirprwy)</translation>
    </message>
    <message>
      <source>{0} (late)</source>
      <translation>{0} (hwyr)</translation>
    </message>
    <message>
      <source>{0} ({1})</source>
      <translation>{0} ({1})</translation>
    </message>
    <message>
      <source>{0} KB</source>
      <translation>{0} KB</translation>
    </message>
    <message>
      <source>{0} MB</source>
      <translation>{0} MB</translation>
    </message>
    <message>
      <source>{0} bytes</source>
      <translation>{0} beit</translation>
    </message>
    <message>
      <source>{0} has no arrival or departure to correct.</source>
      <translation>Nid oes gan {0} amser cyrraedd na gadael i'w gywiro.</translation>
    </message>
    <message>
      <source>{0} is already the time recorded.</source>
      <translation>{0} yw'r amser a gofnodwyd eisoes.</translation>
    </message>
    <message>
      <source>{0} is present: apologies are for people not at the meeting.</source>
      <translation>Mae {0} yn bresennol: mae ymddiheuriadau ar gyfer pobl nad ydynt yn y cyfarfod.</translation>
    </message>
    <message>
      <source>{0} min</source>
      <translation>{0} mun</translation>
    </message>
    <message>
      <source>{0} {1}–{2}–{3}</source>
      <translation>{0} {1}–{2}–{3}</translation>
    </message>
    <message>
      <source>{0} — for {1}</source>
      <translation>{0} — ar gyfer {1}</translation>
    </message>
    <message>
      <source>{0}, abstains</source>
      <translation>{0}, yn ymatal</translation>
    </message>
    <message>
      <source>{0}, changed since the agenda was issued</source>
      <translation>{0}, wedi'i newid ers cyhoeddi'r agenda</translation>
    </message>
    <message>
      <source>{0}: declared interest ({1})</source>
      <translation>{0}: wedi datgan buddiant ({1})</translation>
    </message>
    <message>
      <source>{at} is in the future (it is {now}): a time can be corrected to now or earlier (up to {skew} minutes ahead, for a clock that differs).</source>
      <translation>Mae {at} yn y dyfodol ({now} yw hi nawr): gellir cywiro amser i nawr neu'n gynharach (hyd at {skew} munud ymlaen, ar gyfer cloc sy'n wahanol).</translation>
    </message>
    <message>
      <source>{holder} by proxy for {grantor}</source>
      <translation>{holder} drwy brocsi ar ran {grantor}</translation>
    </message>
    <message>
      <source>{item}: agreed by consensus</source>
      <translation>{item}: cytunwyd drwy gonsensws</translation>
    </message>
    <message>
      <source>{name} added</source>
      <translation>Ychwanegwyd {name}</translation>
    </message>
    <message>
      <source>{name} arrived {at}</source>
      <translation>Cyrhaeddodd {name} {at}</translation>
    </message>
    <message>
      <source>{name} joined remotely {at}</source>
      <translation>Ymunodd {name} o bell {at}</translation>
    </message>
    <message>
      <source>{name} left {at}</source>
      <translation>Gadawodd {name} {at}</translation>
    </message>
    <message>
      <source>{name} takes the chair for the rest of the meeting</source>
      <translation>{name} yn cymryd y gadair am weddill y cyfarfod</translation>
    </message>
    <message>
      <source>{name} takes the chair for {item}</source>
      <translation>{name} yn cymryd y gadair ar gyfer {item}</translation>
    </message>
    <message>
      <source>{name} — deputy</source>
      <translation>{name} — dirprwy</translation>
    </message>
    <message>
      <source>{name} — deputy for {seat}</source>
      <translation>{name} — dirprwy ar gyfer {seat}</translation>
    </message>
    <message>
      <source>{name}'s arrival corrected to {at}</source>
      <translation>Cywirwyd amser cyrraedd {name} i {at}</translation>
    </message>
    <message>
      <source>{name}'s departure corrected to {at}</source>
      <translation>Cywirwyd amser gadael {name} i {at}</translation>
    </message>
    <message>
      <source>{n} open</source>
      <translation>{n} ar agor</translation>
    </message>
    <message>
      <source>{n} overdue</source>
      <translation>{n} yn hwyr</translation>
    </message>
    <message>
      <source>{what}: due {date}; the date they were sent was not recorded</source>
      <translation>{what}: erbyn {date}; ni chofnodwyd y dyddiad yr anfonwyd nhw</translation>
    </message>
  </context>
  <context>
    <name>AboutDialog</name>
    <message>
      <source>&lt;h2&gt;Cluster Secretary {0}&lt;/h2&gt;</source>
      <translation>&lt;h2&gt;Ysgrifennydd y Clwstwr {0}&lt;/h2&gt;</translation>
    </message>
    <message>
      <source>About Cluster Secretary</source>
      <translation>Ynglŷn ag Ysgrifennydd y Clwstwr</translation>
    </message>
    <message>
      <source>Bundled components and their licences:</source>
      <translation>Cydrannau sydd wedi'u cynnwys a'u trwyddedau:</translation>
    </message>
    <message>
      <source>Cluster Secretary itself is released under the MIT licence. The LGPL components are used as shared libraries and may be replaced.</source>
      <translation>Rhyddheir Ysgrifennydd y Clwstwr ei hun o dan drwydded MIT. Defnyddir y cydrannau LGPL fel llyfrgelloedd a rennir a gellir rhoi eraill yn eu lle.</translation>
    </message>
    <message>
      <source>Component</source>
      <translation>Cydran</translation>
    </message>
    <message>
      <source>Licence</source>
      <translation>Trwydded</translation>
    </message>
    <message>
      <source>Live quorum, votes, minutes and action logs for primary care cluster meetings. Works offline; every event is written at once to the record.</source>
      <translation>Cworwm byw, pleidleisiau, cofnodion a logiau gweithredu ar gyfer cyfarfodydd clystyrau gofal sylfaenol. Mae'n gweithio all-lein; caiff pob digwyddiad ei ysgrifennu i'r cofnod ar unwaith.</translation>
    </message>
    <message>
      <source>Python {0} · Qt {1} · PySide6 {2}</source>
      <translation>Python {0} · Qt {1} · PySide6 {2}</translation>
    </message>
    <message>
      <source>Record: {0}</source>
      <translation>Cofnod: {0}</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>Fersiwn</translation>
    </message>
  </context>
  <context>
    <name>ActionDialog</name>
    <message>
      <source>&amp;Action</source>
      <translation>&amp;Cam gweithredu</translation>
    </message>
    <message>
      <source>&amp;Owner</source>
      <translation>&amp;Arweinydd</translation>
    </message>
    <message>
      <source>Add an action</source>
      <translation>Ychwanegu cam gweithredu</translation>
    </message>
    <message>
      <source>Due by</source>
      <translation>Erbyn</translation>
    </message>
    <message>
      <source>Not recorded.</source>
      <translation>Heb ei gofnodi.</translation>
    </message>
    <message>
      <source>Reference</source>
      <translation>Cyfeirnod</translation>
    </message>
    <message>
      <source>Someone on the roster, or type any name</source>
      <translation>Rhywun ar y rhestr aelodaeth, neu deipiwch unrhyw enw</translation>
    </message>
  </context>
  <context>
    <name>ActionUpdateDialog</name>
    <message>
      <source>&amp;Progress</source>
      <translation>&amp;Cynnydd</translation>
    </message>
    <message>
      <source>&amp;Status</source>
      <translation>&amp;Statws</translation>
    </message>
    <message>
      <source>New due date</source>
      <translation>Dyddiad erbyn newydd</translation>
    </message>
    <message>
      <source>Not recorded.</source>
      <translation>Heb ei gofnodi.</translation>
    </message>
    <message>
      <source>Update an action</source>
      <translation>Diweddaru cam gweithredu</translation>
    </message>
    <message>
      <source>What was done, or why not</source>
      <translation>Beth a wnaed, neu pam lai</translation>
    </message>
  </context>
  <context>
    <name>AddPersonDialog</name>
    <message>
      <source>&amp;Attends as</source>
      <translation>&amp;Yn mynychu fel</translation>
    </message>
    <message>
      <source>&amp;Name</source>
      <translation>&amp;Enw</translation>
    </message>
    <message>
      <source>&amp;Organisation or role</source>
      <translation>&amp;Sefydliad neu rôl</translation>
    </message>
    <message>
      <source>&amp;Seat</source>
      <translation>Se&amp;dd</translation>
    </message>
    <message>
      <source>Add a person</source>
      <translation>Ychwanegu person</translation>
    </message>
    <message>
      <source>Arrived now</source>
      <translation>Wedi cyrraedd yn awr</translation>
    </message>
    <message>
      <source>Deputy for a seat</source>
      <translation>Dirprwy ar gyfer sedd</translation>
    </message>
    <message>
      <source>Guest (no seat, no vote)</source>
      <translation>Gwestai (dim sedd, dim pleidlais)</translation>
    </message>
    <message>
      <source>In attendance (no seat, no vote)</source>
      <translation>Yn mynychu (dim sedd, dim pleidlais)</translation>
    </message>
    <message>
      <source>Member of a seat</source>
      <translation>Aelod mewn sedd</translation>
    </message>
    <message>
      <source>Not recorded.</source>
      <translation>Heb ei gofnodi.</translation>
    </message>
    <message>
      <source>Remotely</source>
      <translation>O bell</translation>
    </message>
  </context>
  <context>
    <name>AgendaBuilder</name>
    <message>
      <source>&amp;Add item…</source>
      <translation>&amp;Ychwanegu eitem…</translation>
    </message>
    <message>
      <source>&amp;Build the pack…</source>
      <translation>&amp;Creu'r pecyn…</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>Ca&amp;u</translation>
    </message>
    <message>
      <source>&amp;Edit item…</source>
      <translation>&amp;Golygu eitem…</translation>
    </message>
    <message>
      <source>&amp;Issue the pack again…</source>
      <translation>Cyhoedd&amp;i'r pecyn eto…</translation>
    </message>
    <message>
      <source>&amp;Issue the pack…</source>
      <translation>Cyhoedd&amp;i'r pecyn…</translation>
    </message>
    <message>
      <source>&amp;Save the paper as…</source>
      <translation>Ca&amp;dw'r papur fel…</translation>
    </message>
    <message>
      <source>&amp;Withdraw item…</source>
      <translation>&amp;Tynnu eitem yn ôl…</translation>
    </message>
    <message>
      <source>&lt;b&gt;Issued on {0}.&lt;/b&gt; Changes since then (rows shaded above):</source>
      <translation>&lt;b&gt;Cyhoeddwyd ar {0}.&lt;/b&gt; Newidiadau ers hynny (y rhesi wedi'u lliwio uchod):</translation>
    </message>
    <message>
      <source>&lt;b&gt;Not issued yet.&lt;/b&gt;</source>
      <translation>&lt;b&gt;Heb ei gyhoeddi eto.&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&lt;b&gt;{title}&lt;/b&gt; — {when}{venue}</source>
      <translation>&lt;b&gt;{title}&lt;/b&gt; — {when}{venue}</translation>
    </message>
    <message>
      <source>A&amp;ttach a paper…</source>
      <translation>&amp;Atodi papur…</translation>
    </message>
    <message>
      <source>Agenda and papers — {0}</source>
      <translation>Agenda a phapurau — {0}</translation>
    </message>
    <message>
      <source>Agenda items</source>
      <translation>Eitemau'r agenda</translation>
    </message>
    <message>
      <source>Agenda reordered</source>
      <translation>Aildrefnwyd yr agenda</translation>
    </message>
    <message>
      <source>Attach a paper</source>
      <translation>Atodi papur</translation>
    </message>
    <message>
      <source>Attach a paper to item {0}</source>
      <translation>Atodi papur i eitem {0}</translation>
    </message>
    <message>
      <source>Build the pack</source>
      <translation>Creu'r pecyn</translation>
    </message>
    <message>
      <source>Building the pack…</source>
      <translation>Wrthi'n creu'r pecyn…</translation>
    </message>
    <message>
      <source>E&amp;xport the agenda…</source>
      <translation>Allf&amp;orio'r agenda…</translation>
    </message>
    <message>
      <source>Export the agenda</source>
      <translation>Allforio'r agenda</translation>
    </message>
    <message>
      <source>Interim meeting called on {0}</source>
      <translation>Cyfarfod interim wedi'i alw ar {0}</translation>
    </message>
    <message>
      <source>Investment pr&amp;oposal…</source>
      <translation>Cynnig &amp;buddsoddi…</translation>
    </message>
    <message>
      <source>Item added: {0}</source>
      <translation>Eitem wedi'i hychwanegu: {0}</translation>
    </message>
    <message>
      <source>Item {0} changed</source>
      <translation>Eitem {0} wedi'i newid</translation>
    </message>
    <message>
      <source>Item {0} withdrawn</source>
      <translation>Eitem {0} wedi'i thynnu'n ôl</translation>
    </message>
    <message>
      <source>LibreOffice is not installed: the pack was written as a folder: {0}</source>
      <translation>Nid yw LibreOffice wedi'i osod: ysgrifennwyd y pecyn fel ffolder: {0}</translation>
    </message>
    <message>
      <source>Move &amp;down</source>
      <translation>Symud i &amp;lawr</translation>
    </message>
    <message>
      <source>Move &amp;up</source>
      <translation>Symud i &amp;fyny</translation>
    </message>
    <message>
      <source>Move the item down</source>
      <translation>Symud yr eitem i lawr</translation>
    </message>
    <message>
      <source>Move the item up</source>
      <translation>Symud yr eitem i fyny</translation>
    </message>
    <message>
      <source>Not recorded: {0}</source>
      <translation>Heb ei gofnodi: {0}</translation>
    </message>
    <message>
      <source>Not written</source>
      <translation>Heb ei ysgrifennu</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Pa&amp;pers of item {0}</source>
      <translation>&amp;Papurau eitem {0}</translation>
    </message>
    <message>
      <source>Pa&amp;pers of the item (choose an item above)</source>
      <translation>&amp;Papurau'r eitem (dewiswch eitem uchod)</translation>
    </message>
    <message>
      <source>Paper attached to item {0}: {1}</source>
      <translation>Papur wedi'i atodi i eitem {0}: {1}</translation>
    </message>
    <message>
      <source>Papers ({0});;All files (*)</source>
      <translation>Papurau ({0});;Pob ffeil (*)</translation>
    </message>
    <message>
      <source>Papers of the item</source>
      <translation>Papurau'r eitem</translation>
    </message>
    <message>
      <source>Proposal recorded for item {0}, and attached as its paper</source>
      <translation>Cofnodwyd y cynnig ar gyfer eitem {0}, a'i atodi fel ei phapur</translation>
    </message>
    <message>
      <source>Recorded as an ordinary meeting, not an interim one</source>
      <translation>Wedi'i gofnodi fel cyfarfod arferol, nid un interim</translation>
    </message>
    <message>
      <source>Save {0} as</source>
      <translation>Cadw {0} fel</translation>
    </message>
    <message>
      <source>The agenda was written: {0}</source>
      <translation>Ysgrifennwyd yr agenda: {0}</translation>
    </message>
    <message>
      <source>The item was not withdrawn</source>
      <translation>Ni thynnwyd yr eitem yn ôl</translation>
    </message>
    <message>
      <source>The notice of the meeting was not recorded</source>
      <translation>Ni chofnodwyd rhybudd y cyfarfod</translation>
    </message>
    <message>
      <source>The pack was not recorded as issued</source>
      <translation>Ni chofnodwyd bod y pecyn wedi'i gyhoeddi</translation>
    </message>
    <message>
      <source>The pack was recorded as issued on {0}</source>
      <translation>Cofnodwyd bod y pecyn wedi'i gyhoeddi ar {0}</translation>
    </message>
    <message>
      <source>The pack was written: {0} ({1} pages)</source>
      <translation>Ysgrifennwyd y pecyn: {0} ({1} tudalen)</translation>
    </message>
    <message>
      <source>The paper was not attached</source>
      <translation>Ni atodwyd y papur</translation>
    </message>
    <message>
      <source>The paper was not saved</source>
      <translation>Ni chadwyd y papur</translation>
    </message>
    <message>
      <source>The paper was not withdrawn</source>
      <translation>Ni thynnwyd y papur yn ôl</translation>
    </message>
    <message>
      <source>Title of the paper for item {0}, as the agenda and the minutes will list it:</source>
      <translation>Teitl y papur ar gyfer eitem {0}, fel y bydd yr agenda a'r cofnodion yn ei restru:</translation>
    </message>
    <message>
      <source>When the pack is issued, the agenda as it is then is the issued agenda; changes after that are listed here.</source>
      <translation>Pan gyhoeddir y pecyn, yr agenda fel y mae bryd hynny yw'r agenda a gyhoeddwyd; rhestrir newidiadau ar ôl hynny yma.</translation>
    </message>
    <message>
      <source>Withdraw item {0}, {1}, from the agenda? It stays in the record, shown as withdrawn. Reason (optional):</source>
      <translation>Tynnu eitem {0}, {1}, oddi ar yr agenda? Mae'n aros yn y cofnod, wedi'i dangos fel un a dynnwyd yn ôl. Rheswm (dewisol):</translation>
    </message>
    <message>
      <source>Withdraw the item</source>
      <translation>Tynnu'r eitem yn ôl</translation>
    </message>
    <message>
      <source>Withdraw the pape&amp;r…</source>
      <translation>Tynnu'r papu&amp;r yn ôl…</translation>
    </message>
    <message>
      <source>Withdraw the paper</source>
      <translation>Tynnu'r papur yn ôl</translation>
    </message>
    <message>
      <source>Withdraw {0}: {1}? It stays in the record, but leaves the agenda and the pack.</source>
      <translation>Tynnu {0}: {1} yn ôl? Mae'n aros yn y cofnod, ond yn gadael yr agenda a'r pecyn.</translation>
    </message>
    <message>
      <source>Word documents (*.docx)</source>
      <translation>Dogfennau Word (*.docx)</translation>
    </message>
    <message>
      <source>Writing the agenda…</source>
      <translation>Wrthi'n ysgrifennu'r agenda…</translation>
    </message>
    <message>
      <source>agenda.docx</source>
      <translation>agenda.docx</translation>
    </message>
    <message>
      <source>none</source>
      <translation>dim</translation>
    </message>
    <message>
      <source>pack.pdf</source>
      <translation>pecyn.pdf</translation>
    </message>
    <message>
      <source>{0} The pack was written as a folder: {1}</source>
      <translation>{0} Ysgrifennwyd y pecyn fel ffolder: {1}</translation>
    </message>
    <message>
      <source>{0} saved as {1}</source>
      <translation>{0} wedi'i gadw fel {1}</translation>
    </message>
    <message>
      <source>{0} withdrawn</source>
      <translation>{0} wedi'i dynnu'n ôl</translation>
    </message>
  </context>
  <context>
    <name>AgendaPanel</name>
    <message>
      <source>&lt;b&gt;Agenda&lt;/b&gt;</source>
      <translation>&lt;b&gt;Agenda&lt;/b&gt;</translation>
    </message>
    <message>
      <source>A&amp;dd item…</source>
      <translation>Ychwanegu ei&amp;tem…</translation>
    </message>
    <message>
      <source>Move down</source>
      <translation>Symud i lawr</translation>
    </message>
    <message>
      <source>Move up</source>
      <translation>Symud i fyny</translation>
    </message>
  </context>
  <context>
    <name>AgendaPlanModel</name>
    <message>
      <source>Amount</source>
      <translation>Swm</translation>
    </message>
    <message>
      <source>Changed since the agenda was issued:</source>
      <translation>Newidiwyd ers cyhoeddi'r agenda:</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Ffeil</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Eitem</translation>
    </message>
    <message>
      <source>Length</source>
      <translation>Hyd</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>Rhif</translation>
    </message>
    <message>
      <source>Paper</source>
      <translation>Papur</translation>
    </message>
    <message>
      <source>Paper {0}</source>
      <translation>Papur {0}</translation>
    </message>
    <message>
      <source>Papers</source>
      <translation>Papurau</translation>
    </message>
    <message>
      <source>Presenter</source>
      <translation>Cyflwynydd</translation>
    </message>
    <message>
      <source>Purpose</source>
      <translation>Diben</translation>
    </message>
    <message>
      <source>Ref</source>
      <translation>Cyf</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Maint</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>Amser</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Teitl</translation>
    </message>
    <message>
      <source>Worked out from the start of the meeting and the lengths of the items before</source>
      <translation>Wedi'i gyfrifo o amser dechrau'r cyfarfod a hyd yr eitemau o'i blaen</translation>
    </message>
    <message>
      <source>for decision</source>
      <translation>i'w benderfynu</translation>
    </message>
    <message>
      <source>for discussion</source>
      <translation>i'w drafod</translation>
    </message>
    <message>
      <source>for information</source>
      <translation>er gwybodaeth</translation>
    </message>
    <message>
      <source>for noting</source>
      <translation>i'w nodi</translation>
    </message>
    <message>
      <source>for ratification</source>
      <translation>i'w gadarnhau</translation>
    </message>
    <message>
      <source>{0} KB</source>
      <translation>{0} KB</translation>
    </message>
    <message>
      <source>{0} MB</source>
      <translation>{0} MB</translation>
    </message>
    <message>
      <source>{0} bytes</source>
      <translation>{0} beit</translation>
    </message>
    <message>
      <source>{0} min</source>
      <translation>{0} mun</translation>
    </message>
    <message>
      <source>{0}, changed since the agenda was issued</source>
      <translation>{0}, wedi'i newid ers cyhoeddi'r agenda</translation>
    </message>
  </context>
  <context>
    <name>ApproveMinutesDialog</name>
    <message>
      <source>A meeting not in this record, held on…</source>
      <translation>Cyfarfod nad yw yn y cofnod hwn, a gynhaliwyd ar…</translation>
    </message>
    <message>
      <source>Amendments</source>
      <translation>Diwygiadau</translation>
    </message>
    <message>
      <source>Approve</source>
      <translation>Cymeradwyo</translation>
    </message>
    <message>
      <source>Approve and lock</source>
      <translation>Cymeradwyo a chloi</translation>
    </message>
    <message>
      <source>Approve the minutes</source>
      <translation>Cymeradwyo'r cofnodion</translation>
    </message>
    <message>
      <source>Approved as a true record</source>
      <translation>Cymeradwywyd fel cofnod cywir</translation>
    </message>
    <message>
      <source>Approved with amendments</source>
      <translation>Cymeradwywyd gyda diwygiadau</translation>
    </message>
    <message>
      <source>Held on</source>
      <translation>Cynhaliwyd ar</translation>
    </message>
    <message>
      <source>Minutes of</source>
      <translation>Cofnodion</translation>
    </message>
    <message>
      <source>Not approved: {0}</source>
      <translation>Heb ei gymeradwyo: {0}</translation>
    </message>
    <message>
      <source>Once approved, the minutes are locked: nothing more can be recorded in that meeting.</source>
      <translation>Unwaith y cânt eu cymeradwyo, caiff y cofnodion eu cloi: ni ellir cofnodi dim mwy yn y cyfarfod hwnnw.</translation>
    </message>
    <message>
      <source>The amendments, as the meeting agreed them</source>
      <translation>Y diwygiadau, fel y cytunodd y cyfarfod arnynt</translation>
    </message>
    <message>
      <source>Write the amendments, or choose 'as a true record'.</source>
      <translation>Ysgrifennwch y diwygiadau, neu ddewiswch 'fel cofnod cywir'.</translation>
    </message>
  </context>
  <context>
    <name>AttendancePanel</name>
    <message>
      <source>&lt;b&gt;Attendance&lt;/b&gt;</source>
      <translation>&lt;b&gt;Presenoldeb&lt;/b&gt;</translation>
    </message>
    <message>
      <source>A&amp;pologies</source>
      <translation>Ymddi&amp;heuriadau</translation>
    </message>
    <message>
      <source>Add per&amp;son…</source>
      <translation>Ychwanegu pers&amp;on…</translation>
    </message>
    <message>
      <source>Arrived / left</source>
      <translation>Cyrraedd / gadael</translation>
    </message>
    <message>
      <source>Choose a person first (type part of a name).</source>
      <translation>Dewiswch berson yn gyntaf (teipiwch ran o enw).</translation>
    </message>
    <message>
      <source>Co&amp;rrect time…</source>
      <translation>Cywiro'r am&amp;ser…</translation>
    </message>
    <message>
      <source>Find a person (Ctrl+F, or just type) — Enter records arrival or departure</source>
      <translation>Chwilio am berson (Ctrl+F, neu ddechreuwch deipio) — mae Enter yn cofnodi cyrraedd neu adael</translation>
    </message>
    <message>
      <source>For &amp;this item only</source>
      <translation>Ar gyfer yr &amp;eitem hon yn unig</translation>
    </message>
    <message>
      <source>For the &amp;rest of the meeting</source>
      <translation>Ar gyfer &amp;gweddill y cyfarfod</translation>
    </message>
    <message>
      <source>Joined remotely now (Shift+Enter)</source>
      <translation>Wedi ymuno o bell yn awr (Shift+Enter)</translation>
    </message>
    <message>
      <source>Nobody matches — check the spelling, or add the person (Ctrl+Shift+N)</source>
      <translation>Does neb yn cyfateb — gwiriwch y sillafu, neu ychwanegwch y person (Ctrl+Shift+N)</translation>
    </message>
    <message>
      <source>Record arrival or departure now (Enter)</source>
      <translation>Cofnodi cyrraedd neu adael yn awr (Enter)</translation>
    </message>
    <message>
      <source>Remote</source>
      <translation>O bell</translation>
    </message>
    <message>
      <source>Ta&amp;kes the chair…</source>
      <translation>Yn cymryd y gada&amp;ir…</translation>
    </message>
    <message>
      <source>Takes the chair</source>
      <translation>Yn cymryd y gadair</translation>
    </message>
    <message>
      <source>The selected person chairs this item, or the rest of the meeting</source>
      <translation>Mae'r person a ddewiswyd yn cadeirio'r eitem hon, neu weddill y cyfarfod</translation>
    </message>
    <message>
      <source>Type part of a name first, then Enter.</source>
      <translation>Teipiwch ran o enw yn gyntaf, yna Enter.</translation>
    </message>
    <message>
      <source>{0} has not arrived yet.</source>
      <translation>Nid yw {0} wedi cyrraedd eto.</translation>
    </message>
    <message>
      <source>{0} match — Enter records the one chosen</source>
      <translation>{0} yn cyfateb — mae Enter yn cofnodi'r un a ddewiswyd</translation>
    </message>
    <message>
      <source>{0} match — keep typing or choose (Up / Down)</source>
      <translation>{0} yn cyfateb — daliwch ati i deipio neu dewiswch (I fyny / I lawr)</translation>
    </message>
    <message>
      <source>{0} people match “{1}”: keep typing, or choose one with Up / Down.</source>
      <translation>Mae {0} o bobl yn cyfateb i “{1}”: daliwch ati i deipio, neu dewiswch un ag I fyny / I lawr.</translation>
    </message>
    <message>
      <source>{0} present ({1} remote) · {2} apologies</source>
      <translation>{0} yn bresennol ({1} o bell) · ymddiheuriadau: {2}</translation>
    </message>
    <message>
      <source>{0} takes the chair:</source>
      <translation>{0} yn cymryd y gadair:</translation>
    </message>
  </context>
  <context>
    <name>AttendanceYearModel</name>
    <message>
      <source>Absent</source>
      <translation>Yn absennol</translation>
    </message>
    <message>
      <source>Apologies</source>
      <translation>Ymddiheuriadau</translation>
    </message>
    <message>
      <source>Attended</source>
      <translation>Mynychodd</translation>
    </message>
    <message>
      <source>By deputy</source>
      <translation>Drwy ddirprwy</translation>
    </message>
    <message>
      <source>In person</source>
      <translation>Wyneb yn wyneb</translation>
    </message>
    <message>
      <source>Remote</source>
      <translation>O bell</translation>
    </message>
    <message>
      <source>Required</source>
      <translation>Yn ofynnol</translation>
    </message>
    <message>
      <source>Seat</source>
      <translation>Sedd</translation>
    </message>
    <message>
      <source>Shortfall</source>
      <translation>Diffyg</translation>
    </message>
    <message>
      <source>{0}: {1}</source>
      <translation>{0}: {1}</translation>
    </message>
  </context>
  <context>
    <name>AttendanceYearWidget</name>
    <message>
      <source>Financial year </source>
      <translation>Blwyddyn ariannol </translation>
    </message>
    <message>
      <source>No meetings held in {0}.</source>
      <translation>Ni chynhaliwyd cyfarfodydd yn {0}.</translation>
    </message>
    <message>
      <source>Reading the year's attendance…</source>
      <translation>Wrthi'n darllen presenoldeb y flwyddyn…</translation>
    </message>
    <message>
      <source>Short of the required attendance: {0}.</source>
      <translation>Yn brin o'r presenoldeb gofynnol: {0}.</translation>
    </message>
  </context>
  <context>
    <name>ChairScreen</name>
    <message>
      <source>1 more vote for needed</source>
      <translation>angen 1 bleidlais arall o blaid</translation>
    </message>
    <message>
      <source>Abstain</source>
      <translation>Ymatal</translation>
    </message>
    <message>
      <source>Against</source>
      <translation>Yn erbyn</translation>
    </message>
    <message>
      <source>Chair's screen — {0}</source>
      <translation>Sgrin y Cadeirydd — {0}</translation>
    </message>
    <message>
      <source>For</source>
      <translation>O blaid</translation>
    </message>
    <message>
      <source>Needed</source>
      <translation>Angen</translation>
    </message>
    <message>
      <source>No decision can be taken: not quorate for decisions</source>
      <translation>Ni ellir gwneud penderfyniad: heb gworwm ar gyfer penderfyniadau</translation>
    </message>
    <message>
      <source>No item in focus</source>
      <translation>Dim eitem dan sylw</translation>
    </message>
    <message>
      <source>enough votes for to carry</source>
      <translation>digon o bleidleisiau o blaid i basio</translation>
    </message>
    <message>
      <source>{0} more votes for needed</source>
      <translation>angen rhagor o bleidleisiau o blaid: {0}</translation>
    </message>
  </context>
  <context>
    <name>CirculateDialog</name>
    <message>
      <source>&amp;From</source>
      <translation>&amp;Oddi wrth</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>&amp;Iaith</translation>
    </message>
    <message>
      <source>&amp;Open the draft in the mail program</source>
      <translation>&amp;Agor y drafft yn y rhaglen e-bost</translation>
    </message>
    <message>
      <source>&amp;Save the draft…</source>
      <translation>&amp;Cadw'r drafft…</translation>
    </message>
    <message>
      <source>An e-mail draft to the members and deputies with an address on the roster, with the minutes and the action log attached. Open it in your mail program to check and send it.</source>
      <translation>Drafft e-bost at yr aelodau a'r dirprwyon sydd â chyfeiriad ar y rhestr aelodau, gyda'r cofnodion a'r log gweithredu wedi'u hatodi. Agorwch ef yn eich rhaglen e-bost i'w wirio a'i anfon.</translation>
    </message>
    <message>
      <source>Bilingual: Cymraeg / English</source>
      <translation>Dwyieithog: Cymraeg / English</translation>
    </message>
    <message>
      <source>Circulate the minutes</source>
      <translation>Dosbarthu'r cofnodion</translation>
    </message>
    <message>
      <source>E-mail (*.eml)</source>
      <translation>E-bost (*.eml)</translation>
    </message>
    <message>
      <source>Every member and deputy has an address.</source>
      <translation>Mae gan bob aelod a dirprwy gyfeiriad.</translation>
    </message>
    <message>
      <source>No address on the roster, so not on the draft: {0}</source>
      <translation>Dim cyfeiriad ar y rhestr aelodau, felly nid ydynt ar y drafft: {0}</translation>
    </message>
    <message>
      <source>Not saved</source>
      <translation>Heb ei gadw</translation>
    </message>
    <message>
      <source>Save the e-mail draft</source>
      <translation>Cadw'r drafft e-bost</translation>
    </message>
    <message>
      <source>The draft cannot be made: {0}</source>
      <translation>Ni ellir gwneud y drafft: {0}</translation>
    </message>
    <message>
      <source>To the members and deputies ({0}):</source>
      <translation>At yr aelodau a'r dirprwyon ({0}):</translation>
    </message>
    <message>
      <source>the secretariat's address (optional)</source>
      <translation>cyfeiriad yr ysgrifenyddiaeth (dewisol)</translation>
    </message>
    <message>
      <source>{0} is not an email address.</source>
      <translation>Nid yw {0} yn gyfeiriad e-bost.</translation>
    </message>
  </context>
  <context>
    <name>CorrectTimeDialog</name>
    <message>
      <source>Arrived at</source>
      <translation>Cyrhaeddodd am</translation>
    </message>
    <message>
      <source>Correct a time</source>
      <translation>Cywiro amser</translation>
    </message>
    <message>
      <source>Left at</source>
      <translation>Gadawodd am</translation>
    </message>
    <message>
      <source>The old time stays in the record, marked as corrected.</source>
      <translation>Mae'r hen amser yn aros yn y cofnod, wedi'i nodi fel un a gywirwyd.</translation>
    </message>
  </context>
  <context>
    <name>CostLinesModel</name>
    <message>
      <source>Amount (£)</source>
      <translation>Swm (£)</translation>
    </message>
    <message>
      <source>Cost line</source>
      <translation>Llinell gost</translation>
    </message>
    <message>
      <source>Financial year</source>
      <translation>Blwyddyn ariannol</translation>
    </message>
    <message>
      <source>Recurrent?</source>
      <translation>Rheolaidd?</translation>
    </message>
    <message>
      <source>Type here to add a cost line</source>
      <translation>Teipiwch yma i ychwanegu llinell gost</translation>
    </message>
    <message>
      <source>non-recurrent</source>
      <translation>untro</translation>
    </message>
    <message>
      <source>recurrent</source>
      <translation>rheolaidd</translation>
    </message>
  </context>
  <context>
    <name>DecisionPanel</name>
    <message>
      <source>&amp;Financial log entry…</source>
      <translation>Co&amp;fnod yn y log ariannol…</translation>
    </message>
    <message>
      <source>&amp;Keep the one decision</source>
      <translation>&amp;Cadw'r un penderfyniad</translation>
    </message>
    <message>
      <source>(no signatory)</source>
      <translation>(dim llofnodwr)</translation>
    </message>
    <message>
      <source>Agreed &amp;by consensus</source>
      <translation>Cytunwyd &amp;drwy gonsensws</translation>
    </message>
    <message>
      <source>Already decided</source>
      <translation>Wedi'i benderfynu eisoes</translation>
    </message>
    <message>
      <source>Clear votes</source>
      <translation>Clirio'r pleidleisiau</translation>
    </message>
    <message>
      <source>Financial log: no entry yet</source>
      <translation>Log ariannol: dim cofnod eto</translation>
    </message>
    <message>
      <source>Financial log: {0}</source>
      <translation>Log ariannol: {0}</translation>
    </message>
    <message>
      <source>For {f} · Against {a} · Abstain {b} — needs {n} for; would be {w}</source>
      <translation>O blaid {f} · Yn erbyn {a} · Ymatal {b} — angen {n} o blaid; y canlyniad fyddai: {w}</translation>
    </message>
    <message>
      <source>For {f} · Against {a} · Abstain {b} — no decision can be taken: not quorate for decisions</source>
      <translation>O blaid {f} · Yn erbyn {a} · Ymatal {b} — ni ellir gwneud penderfyniad: heb gworwm ar gyfer penderfyniadau</translation>
    </message>
    <message>
      <source>Not counted: {0}</source>
      <translation>Heb eu cyfrif: {0}</translation>
    </message>
    <message>
      <source>Rec&amp;ord vote</source>
      <translation>Cofnodi'r b&amp;leidlais</translation>
    </message>
    <message>
      <source>Record &amp;another decision</source>
      <translation>Cofnodi penderfyniad &amp;arall</translation>
    </message>
    <message>
      <source>Record another decision on it as well? If the decision recorded is wrong, undo it (Ctrl+Z) instead.</source>
      <translation>Cofnodi penderfyniad arall ar yr eitem hefyd? Os yw'r penderfyniad a gofnodwyd yn anghywir, dadwnewch ef (Ctrl+Z) yn lle hynny.</translation>
    </message>
    <message>
      <source>Recorded: {0}</source>
      <translation>Cofnodwyd: {0}</translation>
    </message>
    <message>
      <source>Rule: {rule} — {needed}; eligible groups: {e}</source>
      <translation>Rheol: {rule} — {needed}; grwpiau cymwys: {e}</translation>
    </message>
    <message>
      <source>carried</source>
      <translation>pasiwyd</translation>
    </message>
    <message>
      <source>no budget line</source>
      <translation>dim llinell gyllideb</translation>
    </message>
    <message>
      <source>not carried</source>
      <translation>ni phasiwyd</translation>
    </message>
    <message>
      <source>{amount} — {line}; authorised by {who}</source>
      <translation>{amount} — {line}; awdurdodwyd gan {who}</translation>
    </message>
    <message>
      <source>{item} is already decided ({at}): {outcome}</source>
      <translation>Mae penderfyniad ar {item} eisoes ({at}): {outcome}</translation>
    </message>
    <message>
      <source>{item} is already decided.</source>
      <translation>Mae penderfyniad ar {item} eisoes.</translation>
    </message>
  </context>
  <context>
    <name>DeclareDialog</name>
    <message>
      <source>&amp;For</source>
      <translation>&amp;Ar gyfer</translation>
    </message>
    <message>
      <source>&amp;Interest</source>
      <translation>&amp;Buddiant</translation>
    </message>
    <message>
      <source>&amp;Person</source>
      <translation>&amp;Person</translation>
    </message>
    <message>
      <source>&amp;Register of interests</source>
      <translation>Cof&amp;restr buddiannau</translation>
    </message>
    <message>
      <source>&amp;Then</source>
      <translation>&amp;Yna</translation>
    </message>
    <message>
      <source>Abstain: stays, does not vote</source>
      <translation>Ymatal: yn aros, nid yw'n pleidleisio</translation>
    </message>
    <message>
      <source>Declare an interest</source>
      <translation>Datgan buddiant</translation>
    </message>
    <message>
      <source>Declared at this meeting</source>
      <translation>Datganwyd yn y cyfarfod hwn</translation>
    </message>
    <message>
      <source>Every item</source>
      <translation>Pob eitem</translation>
    </message>
    <message>
      <source>None stated</source>
      <translation>Ni nodwyd dim</translation>
    </message>
    <message>
      <source>None: may still vote</source>
      <translation>Dim: caiff bleidleisio o hyd</translation>
    </message>
    <message>
      <source>Not recorded.</source>
      <translation>Heb ei gofnodi.</translation>
    </message>
    <message>
      <source>Standing: changed on the register</source>
      <translation>Sefydlog: newidiwyd ar y gofrestr</translation>
    </message>
    <message>
      <source>Standing: confirmed from the register</source>
      <translation>Sefydlog: cadarnhawyd o'r gofrestr</translation>
    </message>
    <message>
      <source>Standing: new to the register</source>
      <translation>Sefydlog: newydd i'r gofrestr</translation>
    </message>
    <message>
      <source>This item: {0}</source>
      <translation>Yr eitem hon: {0}</translation>
    </message>
    <message>
      <source>Withdraw: leaves the room for the item</source>
      <translation>Ymneilltuo: yn gadael yr ystafell ar gyfer yr eitem</translation>
    </message>
  </context>
  <context>
    <name>FinancialDialog</name>
    <message>
      <source>&amp;Amount</source>
      <translation>&amp;Swm</translation>
    </message>
    <message>
      <source>&amp;Budget line</source>
      <translation>&amp;Llinell gyllideb</translation>
    </message>
    <message>
      <source>&amp;Description</source>
      <translation>&amp;Disgrifiad</translation>
    </message>
    <message>
      <source>Financial log entry</source>
      <translation>Cofnod yn y log ariannol</translation>
    </message>
    <message>
      <source>Health Board authorised &amp;signatory</source>
      <translation>Llo&amp;fnodwr awdurdodedig y Bwrdd Iechyd</translation>
    </message>
    <message>
      <source>Not recorded.</source>
      <translation>Heb ei gofnodi.</translation>
    </message>
    <message>
      <source>The Health Board authorised signatory</source>
      <translation>Llofnodwr awdurdodedig y Bwrdd Iechyd</translation>
    </message>
  </context>
  <context>
    <name>HelpDialog</name>
    <message>
      <source>Everything is recorded the moment you do it: there is no Save button. Ctrl+Z records a correction; the record itself is never rewritten.</source>
      <translation>Caiff popeth ei gofnodi'r eiliad y byddwch yn ei wneud: nid oes botwm Cadw. Mae Ctrl+Z yn cofnodi cywiriad; nid yw'r cofnod ei hun byth yn cael ei ailysgrifennu.</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Llwybrau byr y bysellfwrdd</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>Bysellau</translation>
    </message>
    <message>
      <source>Section</source>
      <translation>Adran</translation>
    </message>
    <message>
      <source>What it does</source>
      <translation>Beth mae'n ei wneud</translation>
    </message>
  </context>
  <context>
    <name>ImportPreview</name>
    <message>
      <source>1 row has a problem; it will not be imported unless you fix the file and import it again:</source>
      <translation>Mae problem mewn 1 rhes; ni chaiff ei mewnforio oni bai eich bod yn cywiro'r ffeil ac yn ei mewnforio eto:</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>Colofn</translation>
    </message>
    <message>
      <source>Every row has a problem:</source>
      <translation>Mae problem ym mhob rhes:</translation>
    </message>
    <message>
      <source>Import a roster</source>
      <translation>Mewnforio rhestr aelodaeth</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>Rhes</translation>
    </message>
    <message>
      <source>Rows with problems: {n}; they will not be imported unless you fix the file and import it again:</source>
      <translation>Rhesi â phroblemau: {n}; ni chânt eu mewnforio oni bai eich bod yn cywiro'r ffeil ac yn ei mewnforio eto:</translation>
    </message>
    <message>
      <source>The file cannot be used:</source>
      <translation>Nid oes modd defnyddio'r ffeil:</translation>
    </message>
    <message>
      <source>The file was read as {encoding} text (Excel's plain CSV). Check the accented names, or save it as "CSV UTF-8".</source>
      <translation>Darllenwyd y ffeil fel testun {encoding} (CSV plaen Excel). Gwiriwch yr enwau ag acenion, neu gadwch hi fel "CSV UTF-8".</translation>
    </message>
    <message>
      <source>What is wrong</source>
      <translation>Beth sydd o'i le</translation>
    </message>
    <message>
      <source>file</source>
      <translation>ffeil</translation>
    </message>
    <message>
      <source>{file}: nothing can be imported.</source>
      <translation>{file}: nid oes modd mewnforio dim.</translation>
    </message>
    <message>
      <source>{file}: people who can be imported: {good} ({new} new, {changed} changed, {same} unchanged).</source>
      <translation>{file}: pobl y gellir eu mewnforio: {good} ({new} newydd, {changed} wedi newid, {same} heb newid).</translation>
    </message>
  </context>
  <context>
    <name>IssueForm</name>
    <message>
      <source>&amp;Issue</source>
      <translation>Cyhoedd&amp;i</translation>
    </message>
    <message>
      <source>&amp;Issue anyway</source>
      <translation>Cyhoedd&amp;i beth bynnag</translation>
    </message>
    <message>
      <source>In time: the terms' notice is met.</source>
      <translation>Mewn pryd: mae rhybudd y cylch gorchwyl wedi'i fodloni.</translation>
    </message>
    <message>
      <source>Interi&amp;m meeting (terms of reference 5.1), called on</source>
      <translation>Cyfarfod interi&amp;m (cylch gorchwyl 5.1), a alwyd ar</translation>
    </message>
    <message>
      <source>Issue the pack</source>
      <translation>Cyhoeddi'r pecyn</translation>
    </message>
    <message>
      <source>Record that the agenda and papers went out to the members (terms of reference 5.5). The agenda as it is now becomes the issued agenda; later changes are recorded and shown as changes.</source>
      <translation>Cofnodi bod yr agenda a'r papurau wedi mynd at yr aelodau (cylch gorchwyl 5.5). Daw'r agenda fel y mae nawr yn agenda a gyhoeddwyd; cofnodir newidiadau diweddarach a'u dangos fel newidiadau.</translation>
    </message>
    <message>
      <source>Sent &amp;on</source>
      <translation>&amp;Dyddiad anfon</translation>
    </message>
  </context>
  <context>
    <name>ItemForm</name>
    <message>
      <source> min</source>
      <translation> mun</translation>
    </message>
    <message>
      <source>&amp;Amount</source>
      <translation>&amp;Swm</translation>
    </message>
    <message>
      <source>&amp;Budget line</source>
      <translation>&amp;Llinell gyllideb</translation>
    </message>
    <message>
      <source>&amp;Decision type</source>
      <translation>Math o &amp;benderfyniad</translation>
    </message>
    <message>
      <source>&amp;Length</source>
      <translation>&amp;Hyd</translation>
    </message>
    <message>
      <source>&amp;Presenter</source>
      <translation>&amp;Cyflwynydd</translation>
    </message>
    <message>
      <source>&amp;Reference</source>
      <translation>C&amp;yfeirnod</translation>
    </message>
    <message>
      <source>&amp;Title</source>
      <translation>&amp;Teitl</translation>
    </message>
    <message>
      <source>(as the item: financial or not)</source>
      <translation>(fel yr eitem: ariannol neu beidio)</translation>
    </message>
    <message>
      <source>(no money)</source>
      <translation>(dim arian)</translation>
    </message>
    <message>
      <source>(none: a main item)</source>
      <translation>(dim: prif eitem)</translation>
    </message>
    <message>
      <source>(not said)</source>
      <translation>(heb ei nodi)</translation>
    </message>
    <message>
      <source>(not set)</source>
      <translation>(heb ei osod)</translation>
    </message>
    <message>
      <source>A length cannot be taken away once given: give a length.</source>
      <translation>Ni ellir dileu hyd ar ôl ei roi: rhowch hyd.</translation>
    </message>
    <message>
      <source>A planned start cannot be taken away once given: give a time.</source>
      <translation>Ni ellir dileu amser dechrau arfaethedig ar ôl ei roi: rhowch amser.</translation>
    </message>
    <message>
      <source>Add an agenda item</source>
      <translation>Ychwanegu eitem at yr agenda</translation>
    </message>
    <message>
      <source>Edit the agenda item</source>
      <translation>Golygu eitem yr agenda</translation>
    </message>
    <message>
      <source>Give the item a title.</source>
      <translation>Rhowch deitl i'r eitem.</translation>
    </message>
    <message>
      <source>HH:MM (empty: after the item before)</source>
      <translation>HH:MM (gwag: ar ôl yr eitem flaenorol)</translation>
    </message>
    <message>
      <source>P&amp;urpose</source>
      <translation>&amp;Diben</translation>
    </message>
    <message>
      <source>Planned &amp;start</source>
      <translation>Amser dechrau &amp;arfaethedig</translation>
    </message>
    <message>
      <source>Sub-item &amp;of</source>
      <translation>&amp;Is-eitem o</translation>
    </message>
    <message>
      <source>where the money comes from</source>
      <translation>o ble daw'r arian</translation>
    </message>
  </context>
  <context>
    <name>ItemPanel</name>
    <message>
      <source>&amp;Notes</source>
      <translation>&amp;Nodiadau</translation>
    </message>
    <message>
      <source>&amp;Update action…</source>
      <translation>Diweddar&amp;u'r cam gweithredu…</translation>
    </message>
    <message>
      <source>&lt;b&gt;Actions from this item&lt;/b&gt;</source>
      <translation>&lt;b&gt;Camau gweithredu o'r eitem hon&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&lt;b&gt;Declarations of interest&lt;/b&gt;</source>
      <translation>&lt;b&gt;Datganiadau o fuddiant&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&lt;b&gt;Proxies&lt;/b&gt;</source>
      <translation>&lt;b&gt;Procsïau&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Ac&amp;tions</source>
      <translation>Ca&amp;mau gweithredu</translation>
    </message>
    <message>
      <source>Ac&amp;tions ({0})</source>
      <translation>Ca&amp;mau gweithredu ({0})</translation>
    </message>
    <message>
      <source>Add acti&amp;on…</source>
      <translation>Ychwanegu cam gweithre&amp;du…</translation>
    </message>
    <message>
      <source>Choose an item on the agenda: the quorum banner then judges it, withdrawals applied.</source>
      <translation>Dewiswch eitem ar yr agenda: bydd baner y cworwm wedyn yn ei barnu, gan gyfrif yr ymneilltuadau.</translation>
    </message>
    <message>
      <source>Choose the action in the list first.</source>
      <translation>Dewiswch y cam gweithredu yn y rhestr yn gyntaf.</translation>
    </message>
    <message>
      <source>De&amp;cision</source>
      <translation>Pende&amp;rfyniad</translation>
    </message>
    <message>
      <source>Dec&amp;lare…</source>
      <translation>&amp;Datgan…</translation>
    </message>
    <message>
      <source>Financial decision{0}</source>
      <translation>Penderfyniad ariannol{0}</translation>
    </message>
    <message>
      <source>Interests &amp;&amp; pro&amp;xies</source>
      <translation>&amp;Buddiannau a phrocsïau</translation>
    </message>
    <message>
      <source>Interests &amp;&amp; pro&amp;xies ({0})</source>
      <translation>&amp;Buddiannau a phrocsïau ({0})</translation>
    </message>
    <message>
      <source>No Health Board authorised signatory is present: the financial log entry needs one at the meeting.</source>
      <translation>Nid oes llofnodwr awdurdodedig y Bwrdd Iechyd yn bresennol: mae angen un yn y cyfarfod ar gyfer y cofnod yn y log ariannol.</translation>
    </message>
    <message>
      <source>No item in focus</source>
      <translation>Dim eitem dan sylw</translation>
    </message>
    <message>
      <source>Presented by {0}</source>
      <translation>Cyflwynwyd gan {0}</translation>
    </message>
    <message>
      <source>Register pr&amp;oxy…</source>
      <translation>Co&amp;frestru procsi…</translation>
    </message>
    <message>
      <source>The financial log is for financial items.</source>
      <translation>Mae'r log ariannol ar gyfer eitemau ariannol.</translation>
    </message>
    <message>
      <source>This item has no actions to update.</source>
      <translation>Nid oes gan yr eitem hon gamau gweithredu i'w diweddaru.</translation>
    </message>
    <message>
      <source>{0} of {1} remaining on {2}</source>
      <translation>{0} o {1} yn weddill ar {2}</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;Attendance</source>
      <translation>&amp;Presenoldeb</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Golygu</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>C&amp;ymorth</translation>
    </message>
    <message>
      <source>&amp;Item</source>
      <translation>&amp;Eitem</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>&amp;Iaith</translation>
    </message>
    <message>
      <source>&amp;Meeting</source>
      <translation>&amp;Cyfarfod</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>G&amp;weld</translation>
    </message>
    <message>
      <source>A&amp;genda</source>
      <translation>&amp;Agenda</translation>
    </message>
    <message>
      <source>Chair's screen opened behind this window (one screen): drag it to the projector; F11 hides it</source>
      <translation>Agorwyd Sgrin y Cadeirydd y tu ôl i'r ffenestr hon (un sgrin): llusgwch hi i'r taflunydd; mae F11 yn ei chuddio</translation>
    </message>
    <message>
      <source>Close the meeting</source>
      <translation>Cau'r cyfarfod</translation>
    </message>
    <message>
      <source>DEMONSTRATION (nothing kept) — {0}</source>
      <translation>ARDDANGOSIAD (ni chedwir dim) — {0}</translation>
    </message>
    <message>
      <source>Every change is written here the moment it is made.</source>
      <translation>Caiff pob newid ei ysgrifennu yma'r eiliad y caiff ei wneud.</translation>
    </message>
    <message>
      <source>NOT recorded</source>
      <translation>HEB ei gofnodi</translation>
    </message>
    <message>
      <source>Not recorded: {0}</source>
      <translation>Heb ei gofnodi: {0}</translation>
    </message>
    <message>
      <source>Read only</source>
      <translation>Darllen yn unig</translation>
    </message>
    <message>
      <source>Read only: {0}</source>
      <translation>Darllen yn unig: {0}</translation>
    </message>
    <message>
      <source>Record that the meeting closed at {0}? The window stays open; Ctrl+Z takes it back.</source>
      <translation>Cofnodi bod y cyfarfod wedi cau am {0}? Mae'r ffenestr yn aros ar agor; mae Ctrl+Z yn ei dynnu'n ôl.</translation>
    </message>
    <message>
      <source>Record: {0}</source>
      <translation>Cofnod: {0}</translation>
    </message>
    <message>
      <source>Recorded: {0}</source>
      <translation>Cofnodwyd: {0}</translation>
    </message>
    <message>
      <source>Reopen the meeting</source>
      <translation>Ailagor y cyfarfod</translation>
    </message>
    <message>
      <source>Reopen the meeting (it closed at {0})</source>
      <translation>Ailagor y cyfarfod (caeodd am {0})</translation>
    </message>
    <message>
      <source>The last change was NOT recorded.</source>
      <translation>NI chofnodwyd y newid diwethaf.</translation>
    </message>
    <message>
      <source>The meeting cannot be opened</source>
      <translation>Nid oes modd agor y cyfarfod</translation>
    </message>
    <message>
      <source>The meeting closed at {0}. Reopen it at {1}, to record attendance or a decision again?</source>
      <translation>Caeodd y cyfarfod am {0}. Ei ailagor am {1}, i gofnodi presenoldeb neu benderfyniad eto?</translation>
    </message>
    <message>
      <source>this record is being recorded in another window (or on another computer); this window shows it as it was when opened and cannot change it</source>
      <translation>mae'r cofnod hwn yn cael ei gofnodi mewn ffenestr arall (neu ar gyfrifiadur arall); mae'r ffenestr hon yn ei ddangos fel yr oedd pan agorwyd hi ac ni all ei newid</translation>
    </message>
    <message>
      <source>{0}

The screen shows the record as it is on disk: nothing was changed. Fix the problem (disk space, the file's folder), then make the change again.</source>
      <translation>{0}

Mae'r sgrin yn dangos y cofnod fel y mae ar y ddisg: ni newidiwyd dim. Datryswch y broblem (lle ar y ddisg, ffolder y ffeil), yna gwnewch y newid eto.</translation>
    </message>
    <message>
      <source>{0} — Cluster Secretary</source>
      <translation>{0} — Ysgrifennydd y Clwstwr</translation>
    </message>
    <message>
      <source>{0} — READ ONLY</source>
      <translation>{0} — DARLLEN YN UNIG</translation>
    </message>
    <message>
      <source>{0} — closed at {1}</source>
      <translation>{0} — caewyd am {1}</translation>
    </message>
  </context>
  <context>
    <name>MeetingController</name>
    <message>
      <source>(directed: {0})</source>
      <translation>(cyfarwyddwyd: {0})</translation>
    </message>
    <message>
      <source>A proxy is given to someone else.</source>
      <translation>Rhoddir procsi i rywun arall.</translation>
    </message>
    <message>
      <source>Action {ref}</source>
      <translation>Cam gweithredu {ref}</translation>
    </message>
    <message>
      <source>Action {ref} carried forward</source>
      <translation>Cam gweithredu {ref} wedi'i ddwyn ymlaen</translation>
    </message>
    <message>
      <source>Action {ref} updated</source>
      <translation>Diweddarwyd cam gweithredu {ref}</translation>
    </message>
    <message>
      <source>Agenda and papers issued</source>
      <translation>Agenda a phapurau wedi'u cyhoeddi</translation>
    </message>
    <message>
      <source>Agenda reordered</source>
      <translation>Aildrefnwyd yr agenda</translation>
    </message>
    <message>
      <source>Apologies from {name}</source>
      <translation>Ymddiheuriadau gan {name}</translation>
    </message>
    <message>
      <source>Choose the agenda item first.</source>
      <translation>Dewiswch yr eitem ar yr agenda yn gyntaf.</translation>
    </message>
    <message>
      <source>Choose who declares (type part of the name).</source>
      <translation>Dewiswch pwy sy'n datgan (teipiwch ran o'r enw).</translation>
    </message>
    <message>
      <source>Choose who gives the proxy and who holds it (type part of a name).</source>
      <translation>Dewiswch pwy sy'n rhoi'r procsi a phwy sy'n ei ddal (teipiwch ran o enw).</translation>
    </message>
    <message>
      <source>Decision refused: {0}. The banner says what is missing.</source>
      <translation>Gwrthodwyd y penderfyniad: {0}. Mae'r faner yn dweud beth sydd ar goll.</translation>
    </message>
    <message>
      <source>Decision taken outside the meeting</source>
      <translation>Penderfyniad a wnaed y tu allan i'r cyfarfod</translation>
    </message>
    <message>
      <source>Decision taken outside the meeting: not ratified</source>
      <translation>Penderfyniad a wnaed y tu allan i'r cyfarfod: heb ei gadarnhau</translation>
    </message>
    <message>
      <source>Decision taken outside the meeting: noted</source>
      <translation>Penderfyniad a wnaed y tu allan i'r cyfarfod: wedi'i nodi</translation>
    </message>
    <message>
      <source>Decision taken outside the meeting: ratified</source>
      <translation>Penderfyniad a wnaed y tu allan i'r cyfarfod: wedi'i gadarnhau</translation>
    </message>
    <message>
      <source>Declaration of interest: {name}</source>
      <translation>Datganiad o fuddiant: {name}</translation>
    </message>
    <message>
      <source>Describe the action.</source>
      <translation>Disgrifiwch y cam gweithredu.</translation>
    </message>
    <message>
      <source>Describe the interest declared.</source>
      <translation>Disgrifiwch y buddiant a ddatganwyd.</translation>
    </message>
    <message>
      <source>Financial log entry, {item}</source>
      <translation>Cofnod yn y log ariannol, {item}</translation>
    </message>
    <message>
      <source>Give the budget line the money comes from.</source>
      <translation>Rhowch y llinell gyllideb y daw'r arian ohoni.</translation>
    </message>
    <message>
      <source>Give the person's name.</source>
      <translation>Rhowch enw'r person.</translation>
    </message>
    <message>
      <source>Investment proposal recorded: {title}</source>
      <translation>Cynnig buddsoddi wedi'i gofnodi: {title}</translation>
    </message>
    <message>
      <source>Item added: {title}</source>
      <translation>Ychwanegwyd eitem: {title}</translation>
    </message>
    <message>
      <source>Item changed: {item}</source>
      <translation>Eitem wedi'i newid: {item}</translation>
    </message>
    <message>
      <source>Item withdrawn: {item}</source>
      <translation>Eitem wedi'i thynnu'n ôl: {item}</translation>
    </message>
    <message>
      <source>Meeting closed at {at}</source>
      <translation>Caewyd y cyfarfod am {at}</translation>
    </message>
    <message>
      <source>Meeting reopened at {at}</source>
      <translation>Ailagorwyd y cyfarfod am {at}</translation>
    </message>
    <message>
      <source>Minutes of {date} approved</source>
      <translation>Cymeradwywyd cofnodion {date}</translation>
    </message>
    <message>
      <source>Minutes sent on {date}</source>
      <translation>Anfonwyd y cofnodion ar {date}</translation>
    </message>
    <message>
      <source>No such action: {0}</source>
      <translation>Dim cam gweithredu o'r fath: {0}</translation>
    </message>
    <message>
      <source>No such person: {0}</source>
      <translation>Nid oes person o'r fath: {0}</translation>
    </message>
    <message>
      <source>No votes entered: choose for, against or abstain for each group.</source>
      <translation>Ni roddwyd pleidleisiau: dewiswch o blaid, yn erbyn neu ymatal ar gyfer pob grŵp.</translation>
    </message>
    <message>
      <source>Notes saved</source>
      <translation>Cadwyd y nodiadau</translation>
    </message>
    <message>
      <source>Nothing to record: choose another status, write a note or give a new due date.</source>
      <translation>Dim i'w gofnodi: dewiswch statws arall, ysgrifennwch nodyn neu rhowch ddyddiad erbyn newydd.</translation>
    </message>
    <message>
      <source>Nothing to redo.</source>
      <translation>Dim i'w ailwneud.</translation>
    </message>
    <message>
      <source>Nothing to undo.</source>
      <translation>Dim i'w ddadwneud.</translation>
    </message>
    <message>
      <source>Notice of the meeting given</source>
      <translation>Rhybudd o'r cyfarfod wedi'i roi</translation>
    </message>
    <message>
      <source>Now on: {item}</source>
      <translation>Yn awr: {item}</translation>
    </message>
    <message>
      <source>Paper attached: {title}</source>
      <translation>Papur wedi'i atodi: {title}</translation>
    </message>
    <message>
      <source>Paper withdrawn</source>
      <translation>Papur wedi'i dynnu'n ôl</translation>
    </message>
    <message>
      <source>Proxy: {grantor} to {holder}</source>
      <translation>Procsi: {grantor} i {holder}</translation>
    </message>
    <message>
      <source>Recorded</source>
      <translation>Cofnodwyd</translation>
    </message>
    <message>
      <source>Redone</source>
      <translation>Ailwnaed</translation>
    </message>
    <message>
      <source>Redone: {0}</source>
      <translation>Ailwnaed: {0}</translation>
    </message>
    <message>
      <source>The meeting is already closed.</source>
      <translation>Mae'r cyfarfod eisoes wedi'i gau.</translation>
    </message>
    <message>
      <source>The meeting is not closed.</source>
      <translation>Nid yw'r cyfarfod wedi'i gau.</translation>
    </message>
    <message>
      <source>Undone (recorded as a correction)</source>
      <translation>Dadwnaed (wedi'i gofnodi fel cywiriad)</translation>
    </message>
    <message>
      <source>Undone: {0} (recorded as a correction)</source>
      <translation>Dadwnaed: {0} (wedi'i gofnodi fel cywiriad)</translation>
    </message>
    <message>
      <source>Vote on {item}</source>
      <translation>Pleidlais ar {item}</translation>
    </message>
    <message>
      <source>abstain</source>
      <translation>ymatal</translation>
    </message>
    <message>
      <source>against</source>
      <translation>yn erbyn</translation>
    </message>
    <message>
      <source>for</source>
      <translation>o blaid</translation>
    </message>
    <message>
      <source>must abstain</source>
      <translation>rhaid ymatal</translation>
    </message>
    <message>
      <source>not represented</source>
      <translation>heb gynrychiolaeth</translation>
    </message>
    <message>
      <source>this window is read only (the record is being recorded elsewhere)</source>
      <translation>darllen yn unig yw'r ffenestr hon (mae'r cofnod yn cael ei gofnodi mewn man arall)</translation>
    </message>
    <message>
      <source>withdrew</source>
      <translation>ymneilltuodd</translation>
    </message>
    <message>
      <source>{0} (deputy)</source>
      <translation>{0} (dirprwy)</translation>
    </message>
    <message>
      <source>{0} has no arrival or departure to correct.</source>
      <translation>Nid oes gan {0} amser cyrraedd na gadael i'w gywiro.</translation>
    </message>
    <message>
      <source>{0} is already the time recorded.</source>
      <translation>{0} yw'r amser a gofnodwyd eisoes.</translation>
    </message>
    <message>
      <source>{0} is present: apologies are for people not at the meeting.</source>
      <translation>Mae {0} yn bresennol: mae ymddiheuriadau ar gyfer pobl nad ydynt yn y cyfarfod.</translation>
    </message>
    <message>
      <source>{0}: declared interest ({1})</source>
      <translation>{0}: wedi datgan buddiant ({1})</translation>
    </message>
    <message>
      <source>{at} is in the future (it is {now}): a time can be corrected to now or earlier (up to {skew} minutes ahead, for a clock that differs).</source>
      <translation>Mae {at} yn y dyfodol ({now} yw hi nawr): gellir cywiro amser i nawr neu'n gynharach (hyd at {skew} munud ymlaen, ar gyfer cloc sy'n wahanol).</translation>
    </message>
    <message>
      <source>{holder} by proxy for {grantor}</source>
      <translation>{holder} drwy brocsi ar ran {grantor}</translation>
    </message>
    <message>
      <source>{item}: agreed by consensus</source>
      <translation>{item}: cytunwyd drwy gonsensws</translation>
    </message>
    <message>
      <source>{name} added</source>
      <translation>Ychwanegwyd {name}</translation>
    </message>
    <message>
      <source>{name} arrived {at}</source>
      <translation>Cyrhaeddodd {name} {at}</translation>
    </message>
    <message>
      <source>{name} joined remotely {at}</source>
      <translation>Ymunodd {name} o bell {at}</translation>
    </message>
    <message>
      <source>{name} left {at}</source>
      <translation>Gadawodd {name} {at}</translation>
    </message>
    <message>
      <source>{name} takes the chair for the rest of the meeting</source>
      <translation>{name} yn cymryd y gadair am weddill y cyfarfod</translation>
    </message>
    <message>
      <source>{name} takes the chair for {item}</source>
      <translation>{name} yn cymryd y gadair ar gyfer {item}</translation>
    </message>
    <message>
      <source>{name}'s arrival corrected to {at}</source>
      <translation>Cywirwyd amser cyrraedd {name} i {at}</translation>
    </message>
    <message>
      <source>{name}'s departure corrected to {at}</source>
      <translation>Cywirwyd amser gadael {name} i {at}</translation>
    </message>
  </context>
  <context>
    <name>MeetingListModel</name>
    <message>
      <source>Actions overdue</source>
      <translation>Camau gweithredu hwyr</translation>
    </message>
    <message>
      <source>Cluster</source>
      <translation>Clwstwr</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Dyddiad</translation>
    </message>
    <message>
      <source>Meeting</source>
      <translation>Cyfarfod</translation>
    </message>
    <message>
      <source>Minutes</source>
      <translation>Cofnodion</translation>
    </message>
    <message>
      <source>Minutes to members</source>
      <translation>Cofnodion i'r aelodau</translation>
    </message>
    <message>
      <source>Papers</source>
      <translation>Papurau</translation>
    </message>
    <message>
      <source>approved {0}</source>
      <translation>cymeradwywyd {0}</translation>
    </message>
    <message>
      <source>draft</source>
      <translation>drafft</translation>
    </message>
  </context>
  <context>
    <name>NewMeetingDialog</name>
    <message>
      <source>&amp;Cluster</source>
      <translation>&amp;Clwstwr</translation>
    </message>
    <message>
      <source>&amp;Date</source>
      <translation>&amp;Dyddiad</translation>
    </message>
    <message>
      <source>&amp;Edit roster…</source>
      <translation>&amp;Golygu'r rhestr aelodaeth…</translation>
    </message>
    <message>
      <source>&amp;Health Board</source>
      <translation>&amp;Bwrdd Iechyd</translation>
    </message>
    <message>
      <source>&amp;Import CSV…</source>
      <translation>&amp;Mewnforio CSV…</translation>
    </message>
    <message>
      <source>&amp;Name</source>
      <translation>&amp;Enw</translation>
    </message>
    <message>
      <source>&amp;Start</source>
      <translation>Dech&amp;rau</translation>
    </message>
    <message>
      <source>&amp;Title</source>
      <translation>&amp;Teitl</translation>
    </message>
    <message>
      <source>&amp;Venue</source>
      <translation>&amp;Lleoliad</translation>
    </message>
    <message>
      <source>A new cluster has no roster yet. Edit roster… or Import CSV… saves the cluster and lets you add its people.</source>
      <translation>Nid oes rhestr aelodaeth gan glwstwr newydd eto. Mae Golygu'r rhestr aelodaeth… neu Mewnforio CSV… yn cadw'r clwstwr ac yn gadael i chi ychwanegu ei bobl.</translation>
    </message>
    <message>
      <source>Agenda</source>
      <translation>Agenda</translation>
    </message>
    <message>
      <source>Apologies, declarations of interest, minutes of the previous meeting, matters arising and any other business are added for you.</source>
      <translation>Caiff ymddiheuriadau, datganiadau o fuddiant, cofnodion y cyfarfod blaenorol, materion yn codi ac unrhyw fater arall eu hychwanegu ar eich rhan.</translation>
    </message>
    <message>
      <source>As the meeting of {date}: its terms and people</source>
      <translation>Fel cyfarfod {date}: ei gylch gorchwyl a'i bobl</translation>
    </message>
    <message>
      <source>Choose the terms of reference of the new cluster.</source>
      <translation>Dewiswch gylch gorchwyl y clwstwr newydd.</translation>
    </message>
    <message>
      <source>Cluster and terms of reference</source>
      <translation>Clwstwr a chylch gorchwyl</translation>
    </message>
    <message>
      <source>Create the meeting</source>
      <translation>Creu'r cyfarfod</translation>
    </message>
    <message>
      <source>From a file…</source>
      <translation>O ffeil…</translation>
    </message>
    <message>
      <source>Give the meeting a title.</source>
      <translation>Rhowch deitl i'r cyfarfod.</translation>
    </message>
    <message>
      <source>Meeting</source>
      <translation>Cyfarfod</translation>
    </message>
    <message>
      <source>New cluster…</source>
      <translation>Clwstwr newydd…</translation>
    </message>
    <message>
      <source>New meeting</source>
      <translation>Cyfarfod newydd</translation>
    </message>
    <message>
      <source>No one is on the roster on {date}. Edit roster… or Import CSV… to add people.</source>
      <translation>Nid oes neb ar y rhestr aelodaeth ar {date}. Defnyddiwch Golygu'r rhestr aelodaeth… neu Mewnforio CSV… i ychwanegu pobl.</translation>
    </message>
    <message>
      <source>On the roster on {date} — members: {members}, deputies: {deputies}, in attendance: {others}. They will be listed in the meeting.</source>
      <translation>Ar y rhestr aelodaeth ar {date} — aelodau: {members}, dirprwyon: {deputies}, yn mynychu: {others}. Cânt eu rhestru yn y cyfarfod.</translation>
    </message>
    <message>
      <source>One item a line; a line ending in an amount is a financial item:
Social prescriber extension £18,500</source>
      <translation>Un eitem ar bob llinell; mae llinell sy'n gorffen gyda swm yn eitem ariannol:
Estyn y rhagnodydd cymdeithasol £18,500</translation>
    </message>
    <message>
      <source>Roster</source>
      <translation>Rhestr aelodaeth</translation>
    </message>
    <message>
      <source>Terms of &amp;reference</source>
      <translation>C&amp;ylch gorchwyl</translation>
    </message>
    <message>
      <source>Terms of reference</source>
      <translation>Cylch gorchwyl</translation>
    </message>
    <message>
      <source>Terms of reference (*.toml);;All files (*)</source>
      <translation>Cylch gorchwyl (*.toml);;Pob ffeil (*)</translation>
    </message>
    <message>
      <source>The new meeting takes the people of the meeting before, with their seats, as they were recorded there — members: {members}, deputies: {deputies}, in attendance: {others}. This series has no cluster, so no roster to edit: people can be added in the meeting (Add person…).</source>
      <translation>Mae'r cyfarfod newydd yn cymryd pobl y cyfarfod cynt, gyda'u seddi, fel y'u cofnodwyd yno — aelodau: {members}, dirprwyon: {deputies}, yn mynychu: {others}. Nid oes clwstwr i'r gyfres hon, felly nid oes rhestr aelodaeth i'w golygu: gellir ychwanegu pobl yn y cyfarfod (Ychwanegu person…).</translation>
    </message>
    <message>
      <source>These terms will be in force for the cluster from {date}.</source>
      <translation>Bydd y cylch gorchwyl hwn mewn grym ar gyfer y clwstwr o {date}.</translation>
    </message>
    <message>
      <source>These terms will be in force for the cluster from {date}; meetings before then keep {old}.</source>
      <translation>Bydd y cylch gorchwyl hwn mewn grym ar gyfer y clwstwr o {date}; mae cyfarfodydd cyn hynny yn cadw {old}.</translation>
    </message>
    <message>
      <source>e.g. Swansea Bay University Health Board</source>
      <translation>e.e. Bwrdd Iechyd Prifysgol Bae Abertawe</translation>
    </message>
    <message>
      <source>e.g. Upper Valleys Cluster Meeting</source>
      <translation>e.e. Cyfarfod Clwstwr y Cymoedd Uchaf</translation>
    </message>
    <message>
      <source>e.g. Upper Valleys Primary Care Cluster</source>
      <translation>e.e. Clwstwr Gofal Sylfaenol y Cymoedd Uchaf</translation>
    </message>
    <message>
      <source>{file} cannot be used as terms of reference:
{problems}</source>
      <translation>Nid oes modd defnyddio {file} fel cylch gorchwyl:
{problems}</translation>
    </message>
    <message>
      <source>{file}: cannot be read: {why}</source>
      <translation>{file}: nid oes modd ei darllen: {why}</translation>
    </message>
    <message>
      <source>{file}: not a text file (a terms of reference is a UTF-8 TOML file)</source>
      <translation>{file}: nid yw'n ffeil testun (mae cylch gorchwyl yn ffeil TOML UTF-8)</translation>
    </message>
    <message>
      <source>{id} (as at the meeting before)</source>
      <translation>{id} (fel yn y cyfarfod cynt)</translation>
    </message>
    <message>
      <source>{id} (from a file)</source>
      <translation>{id} (o ffeil)</translation>
    </message>
    <message>
      <source>{id} (in force on that date)</source>
      <translation>{id} (mewn grym ar y dyddiad hwnnw)</translation>
    </message>
  </context>
  <context>
    <name>NotesEditor</name>
    <message>
      <source>Choose an agenda item to take its notes.</source>
      <translation>Dewiswch eitem ar yr agenda i gymryd ei nodiadau.</translation>
    </message>
    <message>
      <source>Minute notes for this item — saved as you type.</source>
      <translation>Nodiadau cofnod ar gyfer yr eitem hon — yn cael eu cadw wrth i chi deipio.</translation>
    </message>
  </context>
  <context>
    <name>OutsideDecisionsDialog</name>
    <message>
      <source>Amount (£)</source>
      <translation>Swm (£)</translation>
    </message>
    <message>
      <source>At this meeting ({0}):</source>
      <translation>Yn y cyfarfod hwn ({0}):</translation>
    </message>
    <message>
      <source>Chair's urgent action (for noting, 3.2.9)</source>
      <translation>Cam gweithredu brys y Cadeirydd (i'w nodi, 3.2.9)</translation>
    </message>
    <message>
      <source>Choose a decision in the list first.</source>
      <translation>Dewiswch benderfyniad yn y rhestr yn gyntaf.</translation>
    </message>
    <message>
      <source>Date decided</source>
      <translation>Dyddiad y penderfyniad</translation>
    </message>
    <message>
      <source>Decisions taken outside meetings</source>
      <translation>Penderfyniadau a wnaed y tu allan i gyfarfodydd</translation>
    </message>
    <message>
      <source>HB authorised signatory</source>
      <translation>Llofnodwr awdurdodedig y BI</translation>
    </message>
    <message>
      <source>In full</source>
      <translation>Yn llawn</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Math</translation>
    </message>
    <message>
      <source>Not ratified</source>
      <translation>Heb ei gadarnhau</translation>
    </message>
    <message>
      <source>Not recorded: the amount must be a number, e.g. 4000 or 4,000.00</source>
      <translation>Heb ei gofnodi: rhaid i'r swm fod yn rhif, e.e. 4000 neu 4,000.00</translation>
    </message>
    <message>
      <source>Not recorded: {0}</source>
      <translation>Heb ei gofnodi: {0}</translation>
    </message>
    <message>
      <source>Noted</source>
      <translation>Nodwyd</translation>
    </message>
    <message>
      <source>Ratified</source>
      <translation>Cadarnhawyd</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Cofnodi</translation>
    </message>
    <message>
      <source>Record a decision taken outside a meeting</source>
      <translation>Cofnodi penderfyniad a wnaed y tu allan i gyfarfod</translation>
    </message>
    <message>
      <source>Recorded: {0} of {1}, {2}.</source>
      <translation>Cofnodwyd: {0} ar {1}, {2}.</translation>
    </message>
    <message>
      <source>Recorded: {0} {1}.</source>
      <translation>Cofnodwyd: {0} {1}.</translation>
    </message>
    <message>
      <source>Remote decision (for ratification, 3.2.7)</source>
      <translation>Penderfyniad o bell (i'w gadarnhau, 3.2.7)</translation>
    </message>
    <message>
      <source>What was decided</source>
      <translation>Beth a benderfynwyd</translation>
    </message>
    <message>
      <source>Who was consulted</source>
      <translation>Pwy yr ymgynghorwyd â nhw</translation>
    </message>
    <message>
      <source>leave empty if not financial</source>
      <translation>gadewch yn wag os nad yw'n ariannol</translation>
    </message>
    <message>
      <source>required for a financial decision</source>
      <translation>yn ofynnol ar gyfer penderfyniad ariannol</translation>
    </message>
  </context>
  <context>
    <name>OutsideDecisionsModel</name>
    <message>
      <source>Amount</source>
      <translation>Swm</translation>
    </message>
    <message>
      <source>Consulted</source>
      <translation>Ymgynghorwyd</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Dyddiad</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>Penderfyniad</translation>
    </message>
    <message>
      <source>HB signatory</source>
      <translation>Llofnodwr y BI</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Math</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statws</translation>
    </message>
    <message>
      <source>{0} ({1})</source>
      <translation>{0} ({1})</translation>
    </message>
  </context>
  <context>
    <name>PeopleFollowingModel</name>
    <message>
      <source>Name</source>
      <translation>Enw</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Rôl</translation>
    </message>
    <message>
      <source>Seat / kind</source>
      <translation>Sedd / math</translation>
    </message>
  </context>
  <context>
    <name>PersonCombo</name>
    <message>
      <source>Type part of a name</source>
      <translation>Teipiwch ran o enw</translation>
    </message>
  </context>
  <context>
    <name>PersonDelegate</name>
    <message>
      <source>Add as in attendance</source>
      <translation>Ychwanegu fel un sy'n mynychu</translation>
    </message>
    <message>
      <source>— not recorded —</source>
      <translation>— heb ei gofnodi —</translation>
    </message>
  </context>
  <context>
    <name>PersonDialog</name>
    <message>
      <source>&amp;Email</source>
      <translation>E-&amp;bost</translation>
    </message>
    <message>
      <source>&amp;Kind</source>
      <translation>&amp;Math</translation>
    </message>
    <message>
      <source>&amp;Name</source>
      <translation>&amp;Enw</translation>
    </message>
    <message>
      <source>&amp;Organisation</source>
      <translation>&amp;Sefydliad</translation>
    </message>
    <message>
      <source>&amp;Profession</source>
      <translation>&amp;Proffesiwn</translation>
    </message>
    <message>
      <source>&amp;Role</source>
      <translation>&amp;Rôl</translation>
    </message>
    <message>
      <source>&amp;Seat</source>
      <translation>Se&amp;dd</translation>
    </message>
    <message>
      <source>Add a person</source>
      <translation>Ychwanegu person</translation>
    </message>
    <message>
      <source>Administrator</source>
      <translation>Gweinyddwr</translation>
    </message>
    <message>
      <source>Change a person</source>
      <translation>Newid manylion person</translation>
    </message>
    <message>
      <source>GP</source>
      <translation>Meddyg teulu</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>Arall</translation>
    </message>
    <message>
      <source>Other clinician</source>
      <translation>Clinigydd arall</translation>
    </message>
    <message>
      <source>Practice Manager</source>
      <translation>Rheolwr Practis</translation>
    </message>
    <message>
      <source>The health board has &amp;agreed they represent the practice</source>
      <translation>Mae'r bwrdd iechyd wedi &amp;cytuno eu bod yn cynrychioli'r practis</translation>
    </message>
    <message>
      <source>not said</source>
      <translation>heb ei nodi</translation>
    </message>
  </context>
  <context>
    <name>ProposalForm</name>
    <message>
      <source>&amp;Costs (all of them, by line and financial year)</source>
      <translation>&amp;Costau (pob un, fesul llinell a blwyddyn ariannol)</translation>
    </message>
    <message>
      <source>&amp;Description</source>
      <translation>&amp;Disgrifiad</translation>
    </message>
    <message>
      <source>&amp;Lead</source>
      <translation>&amp;Arweinydd</translation>
    </message>
    <message>
      <source>&amp;Outcome measures</source>
      <translation>&amp;Mesurau canlyniadau</translation>
    </message>
    <message>
      <source>&amp;Record the proposal</source>
      <translation>C&amp;ofnodi'r cynnig</translation>
    </message>
    <message>
      <source>&amp;Title</source>
      <translation>&amp;Teitl</translation>
    </message>
    <message>
      <source>Cluster IMTP &amp;priority</source>
      <translation>&amp;Blaenoriaeth CTCI y Clwstwr</translation>
    </message>
    <message>
      <source>For the agenda item {0}</source>
      <translation>Ar gyfer eitem {0} ar yr agenda</translation>
    </message>
    <message>
      <source>Investment proposal</source>
      <translation>Cynnig buddsoddi</translation>
    </message>
    <message>
      <source>Re&amp;move the cost line</source>
      <translation>Dileu'r &amp;llinell gost</translation>
    </message>
    <message>
      <source>Total: {0}</source>
      <translation>Cyfanswm: {0}</translation>
    </message>
    <message>
      <source>Total: — (an amount is not a number)</source>
      <translation>Cyfanswm: — (nid yw swm yn rhif)</translation>
    </message>
  </context>
  <context>
    <name>ProxyDialog</name>
    <message>
      <source>&amp;Direction</source>
      <translation>&amp;Cyfarwyddyd</translation>
    </message>
    <message>
      <source>&amp;From (absent)</source>
      <translation>&amp;Oddi wrth (yn absennol)</translation>
    </message>
    <message>
      <source>&amp;Item</source>
      <translation>&amp;Eitem</translation>
    </message>
    <message>
      <source>&amp;To (present)</source>
      <translation>&amp;At (yn bresennol)</translation>
    </message>
    <message>
      <source>Directed: {0}</source>
      <translation>Cyfarwyddwyd: {0}</translation>
    </message>
    <message>
      <source>Every item</source>
      <translation>Pob eitem</translation>
    </message>
    <message>
      <source>Not directed (the holder decides)</source>
      <translation>Heb gyfarwyddyd (y deiliad sy'n penderfynu)</translation>
    </message>
    <message>
      <source>Not recorded.</source>
      <translation>Heb ei gofnodi.</translation>
    </message>
    <message>
      <source>Register a proxy</source>
      <translation>Cofrestru procsi</translation>
    </message>
    <message>
      <source>This item: {0}</source>
      <translation>Yr eitem hon: {0}</translation>
    </message>
  </context>
  <context>
    <name>QDialog</name>
    <message>
      <source>Attendance for the year</source>
      <translation>Presenoldeb am y flwyddyn</translation>
    </message>
  </context>
  <context>
    <name>QFileDialog</name>
    <message>
      <source>&amp;Choose</source>
      <translation>De&amp;wis</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>Di&amp;leu</translation>
    </message>
    <message>
      <source>&amp;Look in:</source>
      <translation>Edrych &amp;yn:</translation>
    </message>
    <message>
      <source>&amp;New Folder</source>
      <translation>Ffolder &amp;Newydd</translation>
    </message>
    <message>
      <source>&amp;Open</source>
      <translation>&amp;Agor</translation>
    </message>
    <message>
      <source>&amp;Rename</source>
      <translation>A&amp;ilenwi</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Cadw</translation>
    </message>
    <message>
      <source>All Files (*)</source>
      <translation>Pob Ffeil (*)</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>Yn ôl</translation>
    </message>
    <message>
      <source>Create New Folder</source>
      <translation>Creu Ffolder Newydd</translation>
    </message>
    <message>
      <source>Detail View</source>
      <translation>Golwg Fanwl</translation>
    </message>
    <message>
      <source>Directory:</source>
      <translation>Cyfeiriadur:</translation>
    </message>
    <message>
      <source>File &amp;name:</source>
      <translation>&amp;Enw'r ffeil:</translation>
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation>Ffeiliau o'r &amp;math:</translation>
    </message>
    <message>
      <source>Files of type:</source>
      <translation>Ffeiliau o'r math:</translation>
    </message>
    <message>
      <source>Forward</source>
      <translation>Ymlaen</translation>
    </message>
    <message>
      <source>List View</source>
      <translation>Golwg Rhestr</translation>
    </message>
    <message>
      <source>Look in:</source>
      <translation>Edrych yn:</translation>
    </message>
    <message>
      <source>New Folder</source>
      <translation>Ffolder Newydd</translation>
    </message>
    <message>
      <source>Parent Directory</source>
      <translation>Cyfeiriadur Rhiant</translation>
    </message>
    <message>
      <source>Show &amp;hidden files</source>
      <translation>Dangos ffeiliau c&amp;udd</translation>
    </message>
  </context>
  <context>
    <name>QFileSystemModel</name>
    <message>
      <source>Date Modified</source>
      <translation>Dyddiad Addasu</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Enw</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Maint</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Math</translation>
    </message>
  </context>
  <context>
    <name>QLineEdit</name>
    <message>
      <source>&amp;Copy</source>
      <translation>&amp;Copïo</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>&amp;Gludo</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Ailwneud</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Dadwneud</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>&amp;Torri</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Dileu</translation>
    </message>
    <message>
      <source>Select All</source>
      <translation>Dewis y Cyfan</translation>
    </message>
  </context>
  <context>
    <name>QMessageBox</name>
    <message>
      <source>Hide Details...</source>
      <translation>Cuddio'r Manylion...</translation>
    </message>
    <message>
      <source>Show Details...</source>
      <translation>Dangos y Manylion...</translation>
    </message>
  </context>
  <context>
    <name>QPlatformTheme</name>
    <message>
      <source>&amp;No</source>
      <translation>&amp;Na</translation>
    </message>
    <message>
      <source>&amp;Yes</source>
      <translation>&amp;Ie</translation>
    </message>
    <message>
      <source>Abort</source>
      <translation>Rhoi'r gorau iddi</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Gweithredu</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Canslo</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Cau</translation>
    </message>
    <message>
      <source>Close without Saving</source>
      <translation>Cau heb Gadw</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>Taflu</translation>
    </message>
    <message>
      <source>Don't Save</source>
      <translation>Peidio â Chadw</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>Cymorth</translation>
    </message>
    <message>
      <source>Ignore</source>
      <translation>Anwybyddu</translation>
    </message>
    <message>
      <source>N&amp;o to All</source>
      <translation>N&amp;a i'r Cyfan</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>Iawn</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Agor</translation>
    </message>
    <message>
      <source>Reset</source>
      <translation>Ailosod</translation>
    </message>
    <message>
      <source>Restore Defaults</source>
      <translation>Adfer y Rhagosodiadau</translation>
    </message>
    <message>
      <source>Retry</source>
      <translation>Rhoi cynnig arall</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Cadw</translation>
    </message>
    <message>
      <source>Save All</source>
      <translation>Cadw'r Cyfan</translation>
    </message>
    <message>
      <source>Yes to &amp;All</source>
      <translation>Ie i'r &amp;Cyfan</translation>
    </message>
  </context>
  <context>
    <name>QWidgetTextControl</name>
    <message>
      <source>&amp;Copy</source>
      <translation>&amp;Copïo</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>&amp;Gludo</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Ailwneud</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Dadwneud</translation>
    </message>
    <message>
      <source>Copy &amp;Link Location</source>
      <translation>Copïo &amp;Lleoliad y Ddolen</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>&amp;Torri</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Dileu</translation>
    </message>
    <message>
      <source>Select All</source>
      <translation>Dewis y Cyfan</translation>
    </message>
  </context>
  <context>
    <name>QuorumBanner</name>
    <message>
      <source>{0} — for {1}</source>
      <translation>{0} — ar gyfer {1}</translation>
    </message>
  </context>
  <context>
    <name>RecordActions</name>
    <message>
      <source>Bilingual: Cymraeg / English</source>
      <translation>Dwyieithog: Cymraeg / English</translation>
    </message>
    <message>
      <source>Documents for this meeting are already in {0}. Replace them with new ones?</source>
      <translation>Mae dogfennau'r cyfarfod hwn eisoes yn {0}. Hoffech chi roi rhai newydd yn eu lle?</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Allforio</translation>
    </message>
    <message>
      <source>Export the minutes and logs to which folder?</source>
      <translation>I ba ffolder y dylid allforio'r cofnodion a'r logiau?</translation>
    </message>
    <message>
      <source>Exported {0} documents to {1}</source>
      <translation>Allforiwyd {0} o ddogfennau i {1}</translation>
    </message>
    <message>
      <source>Exporting the minutes and logs…</source>
      <translation>Wrthi'n allforio'r cofnodion a'r logiau…</translation>
    </message>
    <message>
      <source>Exports use {0}. Go back to the built-in house style?</source>
      <translation>Mae allforion yn defnyddio {0}. Hoffech chi fynd yn ôl at arddull y tŷ sydd wedi'i chynnwys?</translation>
    </message>
    <message>
      <source>Exports will use the Word template {0}</source>
      <translation>Bydd allforion yn defnyddio'r templed Word {0}</translation>
    </message>
    <message>
      <source>Exports will use the built-in house style</source>
      <translation>Bydd allforion yn defnyddio arddull y tŷ sydd wedi'i chynnwys</translation>
    </message>
    <message>
      <source>Language of the documents:</source>
      <translation>Iaith y dogfennau:</translation>
    </message>
    <message>
      <source>No backup could be made: {0}</source>
      <translation>Nid oedd modd gwneud copi wrth gefn: {0}</translation>
    </message>
    <message>
      <source>Not exported</source>
      <translation>Heb ei allforio</translation>
    </message>
    <message>
      <source>Not restored</source>
      <translation>Heb ei adfer</translation>
    </message>
    <message>
      <source>Record backups (*.sqlite);;All files (*)</source>
      <translation>Copïau wrth gefn o'r cofnod (*.sqlite);;Pob ffeil (*)</translation>
    </message>
    <message>
      <source>Recorded since this backup, and put aside with the copy:
{0}

</source>
      <translation>Wedi'u cofnodi ers y copi wrth gefn hwn, ac wedi'u rhoi o'r neilltu gyda'r copi:
{0}

</translation>
    </message>
    <message>
      <source>Replace the documents?</source>
      <translation>Rhoi dogfennau newydd yn lle'r rhain?</translation>
    </message>
    <message>
      <source>Replace the record with the backup {0}?

{1}The current record is kept as a copy first, so nothing is lost. The window will close; open the record again afterwards.</source>
      <translation>Rhoi'r copi wrth gefn {0} yn lle'r cofnod?

{1}Cedwir copi o'r cofnod presennol yn gyntaf, felly ni chollir dim. Bydd y ffenestr yn cau; agorwch y cofnod eto wedyn.</translation>
    </message>
    <message>
      <source>Restore from backup</source>
      <translation>Adfer o gopi wrth gefn</translation>
    </message>
    <message>
      <source>Restore which backup?</source>
      <translation>Pa gopi wrth gefn i'w adfer?</translation>
    </message>
    <message>
      <source>Restore would undo</source>
      <translation>Byddai adfer yn dadwneud</translation>
    </message>
    <message>
      <source>Restored</source>
      <translation>Adferwyd</translation>
    </message>
    <message>
      <source>Restoring {0} would undo:

{1}

The record as it is now is kept apart. Restore it anyway?</source>
      <translation>Byddai adfer {0} yn dadwneud:

{1}

Cedwir y cofnod fel y mae nawr ar wahân. Hoffech chi ei adfer beth bynnag?</translation>
    </message>
    <message>
      <source>The record was restored from {0}. Open it again to carry on.</source>
      <translation>Adferwyd y cofnod o {0}. Agorwch ef eto i barhau.</translation>
    </message>
    <message>
      <source>There are no backups of this record yet.</source>
      <translation>Nid oes copïau wrth gefn o'r cofnod hwn eto.</translation>
    </message>
    <message>
      <source>This record is on a database server: ask its administrator to restore it.</source>
      <translation>Mae'r cofnod hwn ar weinydd cronfa ddata: gofynnwch i'w weinyddwr ei adfer.</translation>
    </message>
    <message>
      <source>This template cannot be used</source>
      <translation>Nid oes modd defnyddio'r templed hwn</translation>
    </message>
    <message>
      <source>Word documents and templates (*.docx *.dotx);;All files (*)</source>
      <translation>Dogfennau a thempledi Word (*.docx *.dotx);;Pob ffeil (*)</translation>
    </message>
    <message>
      <source>Word template</source>
      <translation>Templed Word</translation>
    </message>
    <message>
      <source>Word template for the minutes and logs</source>
      <translation>Templed Word ar gyfer y cofnodion a'r logiau</translation>
    </message>
  </context>
  <context>
    <name>RecordingForm</name>
    <message>
      <source>Not recorded.</source>
      <translation>Heb ei gofnodi.</translation>
    </message>
  </context>
  <context>
    <name>RosterEditor</name>
    <message>
      <source>&amp;Add person…</source>
      <translation>&amp;Ychwanegu person…</translation>
    </message>
    <message>
      <source>&amp;Change…</source>
      <translation>&amp;Newid…</translation>
    </message>
    <message>
      <source>&amp;Import CSV…</source>
      <translation>&amp;Mewnforio CSV…</translation>
    </message>
    <message>
      <source>&amp;Take off the roster</source>
      <translation>&amp;Tynnu oddi ar y rhestr aelodaeth</translation>
    </message>
    <message>
      <source>CSV files (*.csv *.txt);;All files (*)</source>
      <translation>Ffeiliau CSV (*.csv *.txt);;Pob ffeil (*)</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Cau</translation>
    </message>
    <message>
      <source>Import a roster</source>
      <translation>Mewnforio rhestr aelodaeth</translation>
    </message>
    <message>
      <source>Imported: {added} added, {changed} changed, {unchanged} unchanged, {ended} taken off.</source>
      <translation>Mewnforiwyd: {added} wedi'u hychwanegu, {changed} wedi newid, {unchanged} heb newid, {ended} wedi'u tynnu oddi ar y rhestr.</translation>
    </message>
    <message>
      <source>No terms of reference are in force for this cluster on {date}, so no seats can be given. Set the terms first (New meeting…).</source>
      <translation>Nid oes cylch gorchwyl mewn grym ar gyfer y clwstwr hwn ar {date}, felly ni ellir rhoi seddi. Gosodwch y cylch gorchwyl yn gyntaf (Cyfarfod newydd…).</translation>
    </message>
    <message>
      <source>Not saved</source>
      <translation>Heb ei gadw</translation>
    </message>
    <message>
      <source>People on the roster on {date}: {n}, under {terms}. A change is saved at once and applies from that day; earlier meetings keep the roster they had.</source>
      <translation>Pobl ar y rhestr aelodaeth ar {date}: {n}, yn ôl {terms}. Caiff newid ei gadw ar unwaith ac mae'n berthnasol o'r diwrnod hwnnw; mae cyfarfodydd cynharach yn cadw'r rhestr aelodaeth a oedd ganddynt.</translation>
    </message>
    <message>
      <source>Roster on, and changes from:</source>
      <translation>Y rhestr aelodaeth ar, a newidiadau o:</translation>
    </message>
    <message>
      <source>Roster — {cluster}</source>
      <translation>Rhestr aelodaeth — {cluster}</translation>
    </message>
    <message>
      <source>Take off the roster</source>
      <translation>Tynnu oddi ar y rhestr aelodaeth</translation>
    </message>
    <message>
      <source>Take {name} off the roster from {date}? Meetings before that day keep them.</source>
      <translation>Tynnu {name} oddi ar y rhestr aelodaeth o {date}? Mae cyfarfodydd cyn y diwrnod hwnnw yn eu cadw.</translation>
    </message>
    <message>
      <source>{file}: cannot be read: {why}</source>
      <translation>{file}: nid oes modd ei darllen: {why}</translation>
    </message>
  </context>
  <context>
    <name>SentDialog</name>
    <message>
      <source>&amp;Not yet</source>
      <translation>Ddim &amp;eto</translation>
    </message>
    <message>
      <source>&amp;Record as sent</source>
      <translation>&amp;Cofnodi fel wedi'i anfon</translation>
    </message>
    <message>
      <source>Record the minutes as sent?</source>
      <translation>Cofnodi bod y cofnodion wedi'u hanfon?</translation>
    </message>
    <message>
      <source>Sent &amp;on</source>
      <translation>&amp;Dyddiad anfon</translation>
    </message>
    <message>
      <source>When you have sent the e-mail, record the date the minutes went to the members: the terms give the secretariat a deadline for it.</source>
      <translation>Pan fyddwch wedi anfon yr e-bost, cofnodwch y dyddiad yr aeth y cofnodion at yr aelodau: mae'r cylch gorchwyl yn rhoi dyddiad cau i'r ysgrifenyddiaeth ar gyfer hyn.</translation>
    </message>
  </context>
  <context>
    <name>Shortcuts</name>
    <message>
      <source>About Cluster Secretary (version, record, licences)</source>
      <translation>Ynglŷn ag Ysgrifennydd y Clwstwr (fersiwn, cofnod, trwyddedau)</translation>
    </message>
    <message>
      <source>Add a financial log entry</source>
      <translation>Ychwanegu cofnod at y log ariannol</translation>
    </message>
    <message>
      <source>Add an action</source>
      <translation>Ychwanegu cam gweithredu</translation>
    </message>
    <message>
      <source>Add an agenda item</source>
      <translation>Ychwanegu eitem at yr agenda</translation>
    </message>
    <message>
      <source>Add someone in attendance, a guest or a deputy</source>
      <translation>Ychwanegu rhywun sy'n mynychu, gwestai neu ddirprwy</translation>
    </message>
    <message>
      <source>Agenda</source>
      <translation>Agenda</translation>
    </message>
    <message>
      <source>Agenda and papers…</source>
      <translation>Agenda a phapurau…</translation>
    </message>
    <message>
      <source>Agreed by consensus</source>
      <translation>Cytunwyd drwy gonsensws</translation>
    </message>
    <message>
      <source>Apologies from the selected person</source>
      <translation>Ymddiheuriadau gan y person a ddewiswyd</translation>
    </message>
    <message>
      <source>Approve the minutes of an earlier meeting</source>
      <translation>Cymeradwyo cofnodion cyfarfod cynharach</translation>
    </message>
    <message>
      <source>Arrived / left now, in person (the selected person, or the one match)</source>
      <translation>Wedi cyrraedd / gadael yn awr, wyneb yn wyneb (y person a ddewiswyd, neu'r unig un sy'n cyfateb)</translation>
    </message>
    <message>
      <source>Attendance</source>
      <translation>Presenoldeb</translation>
    </message>
    <message>
      <source>Attendance for the financial year</source>
      <translation>Presenoldeb am y flwyddyn ariannol</translation>
    </message>
    <message>
      <source>Circulate the minutes and action log by e-mail</source>
      <translation>Dosbarthu'r cofnodion a'r log gweithredu drwy e-bost</translation>
    </message>
    <message>
      <source>Close the meeting (records the time it closed)</source>
      <translation>Cau'r cyfarfod (yn cofnodi'r amser y caeodd)</translation>
    </message>
    <message>
      <source>Close the window (everything is already recorded)</source>
      <translation>Cau'r ffenestr (mae popeth eisoes wedi'i gofnodi)</translation>
    </message>
    <message>
      <source>Correct the time of the selected person's last arrival or departure</source>
      <translation>Cywiro amser cyrraedd neu adael diwethaf y person a ddewiswyd</translation>
    </message>
    <message>
      <source>Decisions taken outside meetings (ratify or note)</source>
      <translation>Penderfyniadau a wnaed y tu allan i gyfarfodydd (cadarnhau neu nodi)</translation>
    </message>
    <message>
      <source>Declare an interest</source>
      <translation>Datgan buddiant</translation>
    </message>
    <message>
      <source>Export the minutes, action log, financial log and register</source>
      <translation>Allforio'r cofnodion, y log gweithredu, y log ariannol a'r gofrestr</translation>
    </message>
    <message>
      <source>Find a person (or just start typing in the list)</source>
      <translation>Chwilio am berson (neu ddechreuwch deipio yn y rhestr)</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>Cymorth</translation>
    </message>
    <message>
      <source>Import the Teams attendance report (remote attendance)</source>
      <translation>Mewnforio adroddiad presenoldeb Teams (presenoldeb o bell)</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Eitem</translation>
    </message>
    <message>
      <source>Joined remotely now / left</source>
      <translation>Wedi ymuno o bell yn awr / wedi gadael</translation>
    </message>
    <message>
      <source>Meeting</source>
      <translation>Cyfarfod</translation>
    </message>
    <message>
      <source>Move the selected item down the agenda</source>
      <translation>Symud yr eitem a ddewiswyd i lawr yr agenda</translation>
    </message>
    <message>
      <source>Move the selected item up the agenda</source>
      <translation>Symud yr eitem a ddewiswyd i fyny'r agenda</translation>
    </message>
    <message>
      <source>Next agenda item (moves the focus)</source>
      <translation>Yr eitem nesaf ar yr agenda (yn symud y ffocws)</translation>
    </message>
    <message>
      <source>Open another meeting (or a new one, or the demo)</source>
      <translation>Agor cyfarfod arall (neu un newydd, neu'r cyfarfod enghreifftiol)</translation>
    </message>
    <message>
      <source>Previous agenda item</source>
      <translation>Yr eitem flaenorol ar yr agenda</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Cofnod</translation>
    </message>
    <message>
      <source>Record the vote</source>
      <translation>Cofnodi'r bleidlais</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Ailwneud</translation>
    </message>
    <message>
      <source>Register a proxy</source>
      <translation>Cofrestru procsi</translation>
    </message>
    <message>
      <source>Restore the record from a backup</source>
      <translation>Adfer y cofnod o gopi wrth gefn</translation>
    </message>
    <message>
      <source>Show or hide the chair's screen</source>
      <translation>Dangos neu guddio sgrin y cadeirydd</translation>
    </message>
    <message>
      <source>Take a vote (then F = for, A = against, B = abstain, Delete = clear)</source>
      <translation>Cynnal pleidlais (yna F = o blaid, A = yn erbyn, B = ymatal, Delete = clirio)</translation>
    </message>
    <message>
      <source>This list of shortcuts</source>
      <translation>Y rhestr hon o lwybrau byr</translation>
    </message>
    <message>
      <source>Undo the last change (recorded as a correction)</source>
      <translation>Dadwneud y newid diwethaf (wedi'i gofnodi fel cywiriad)</translation>
    </message>
    <message>
      <source>View</source>
      <translation>Gweld</translation>
    </message>
    <message>
      <source>Word template for exports (your letterhead)</source>
      <translation>Templed Word ar gyfer allforion (eich pennawd llythyr)</translation>
    </message>
    <message>
      <source>Write the minute notes of the item (saved as you type)</source>
      <translation>Ysgrifennu nodiadau cofnod yr eitem (yn cael eu cadw wrth i chi deipio)</translation>
    </message>
  </context>
  <context>
    <name>StartDialog</name>
    <message>
      <source>&amp;New meeting…</source>
      <translation>Cyfarfod &amp;newydd…</translation>
    </message>
    <message>
      <source>&amp;Open</source>
      <translation>&amp;Agor</translation>
    </message>
    <message>
      <source>&amp;Roster…</source>
      <translation>&amp;Rhestr aelodaeth…</translation>
    </message>
    <message>
      <source>&lt;b&gt;Meetings&lt;/b&gt; in {where}</source>
      <translation>&lt;b&gt;Cyfarfodydd&lt;/b&gt; yn {where}</translation>
    </message>
    <message>
      <source>&lt;p style='font-size: 12pt'&gt;No meetings in this record yet.&lt;/p&gt;&lt;p&gt;Start with &lt;b&gt;New meeting…&lt;/b&gt;, or &lt;b&gt;Try a demo meeting&lt;/b&gt; to explore a realistic Upper Valleys meeting in a throw-away record.&lt;/p&gt;</source>
      <translation>&lt;p style='font-size: 12pt'&gt;Nid oes cyfarfodydd yn y cofnod hwn eto.&lt;/p&gt;&lt;p&gt;Dechreuwch gyda &lt;b&gt;Cyfarfod newydd…&lt;/b&gt;, neu &lt;b&gt;Rhoi cynnig ar gyfarfod enghreifftiol&lt;/b&gt; i archwilio cyfarfod realistig y Cymoedd Uchaf mewn cofnod dros dro.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Cau</translation>
    </message>
    <message>
      <source>Cluster:</source>
      <translation>Clwstwr:</translation>
    </message>
    <message>
      <source>Demo meeting</source>
      <translation>Cyfarfod enghreifftiol</translation>
    </message>
    <message>
      <source>Meetings</source>
      <translation>Cyfarfodydd</translation>
    </message>
    <message>
      <source>Roster</source>
      <translation>Rhestr aelodaeth</translation>
    </message>
    <message>
      <source>The demo meeting could not be created: {why}</source>
      <translation>Nid oedd modd creu'r cyfarfod enghreifftiol: {why}</translation>
    </message>
    <message>
      <source>There is no cluster in this record yet: New meeting… creates one.</source>
      <translation>Nid oes clwstwr yn y cofnod hwn eto: mae Cyfarfod newydd… yn creu un.</translation>
    </message>
    <message>
      <source>Try a &amp;demo meeting</source>
      <translation>Rhoi cynnig ar gyfarfod &amp;enghreifftiol</translation>
    </message>
  </context>
  <context>
    <name>TeamsImportDialog</name>
    <message>
      <source>&amp;Record ({0})</source>
      <translation>&amp;Cofnodi ({0})</translation>
    </message>
    <message>
      <source>From {0}. Check who each participant is (double-click a person to change it): remote arrivals and departures are recorded with the times Teams gives, and times already recorded are corrected. Decisions already recorded stay as they are.</source>
      <translation>O {0}. Gwiriwch pwy yw pob cyfranogwr (cliciwch ddwywaith ar berson i'w newid): cofnodir cyrraedd a gadael o bell gyda'r amseroedd a rydd Teams, a chywirir amseroedd a gofnodwyd eisoes. Nid yw penderfyniadau a gofnodwyd eisoes yn newid.</translation>
    </message>
    <message>
      <source>Import Teams attendance</source>
      <translation>Mewnforio presenoldeb Teams</translation>
    </message>
    <message>
      <source>Not all recorded</source>
      <translation>Heb gofnodi'r cyfan</translation>
    </message>
  </context>
  <context>
    <name>TeamsPlanModel</name>
    <message>
      <source>In Teams as</source>
      <translation>Yn Teams fel</translation>
    </message>
    <message>
      <source>In the call</source>
      <translation>Yn yr alwad</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Nodiadau</translation>
    </message>
    <message>
      <source>Nothing</source>
      <translation>Dim</translation>
    </message>
    <message>
      <source>Nothing: {0}</source>
      <translation>Dim: {0}</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Person</translation>
    </message>
    <message>
      <source>Will be recorded</source>
      <translation>Caiff ei gofnodi</translation>
    </message>
    <message>
      <source>{0} (added, in attendance)</source>
      <translation>{0} (wedi'i ychwanegu, yn mynychu)</translation>
    </message>
    <message>
      <source>— not recorded —</source>
      <translation>— heb ei gofnodi —</translation>
    </message>
  </context>
  <context>
    <name>WelcomeDialog</name>
    <message>
      <source>&lt;h2&gt;Welcome&lt;/h2&gt;&lt;p&gt;Cluster Secretary keeps the record of your cluster's meetings in one file on this computer (or a shared drive). Every change is written to it the moment you make it, so nothing is lost if the laptop closes or the battery runs out.&lt;/p&gt;</source>
      <translation>&lt;h2&gt;Croeso&lt;/h2&gt;&lt;p&gt;Mae Ysgrifennydd y Clwstwr yn cadw cofnod cyfarfodydd eich clwstwr mewn un ffeil ar y cyfrifiadur hwn (neu ar yriant a rennir). Caiff pob newid ei ysgrifennu iddi'r eiliad y byddwch yn ei wneud, felly ni chollir dim os bydd y gliniadur yn cau neu'r batri'n rhedeg allan.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>A file is already there</source>
      <translation>Mae ffeil yno eisoes</translation>
    </message>
    <message>
      <source>Choose where the record is.</source>
      <translation>Dewiswch ble mae'r cofnod.</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Dewis…</translation>
    </message>
    <message>
      <source>Cluster name</source>
      <translation>Enw'r clwstwr</translation>
    </message>
    <message>
      <source>Continue</source>
      <translation>Parhau</translation>
    </message>
    <message>
      <source>From a file…</source>
      <translation>O ffeil…</translation>
    </message>
    <message>
      <source>Give your cluster's name, as it appears on the minutes.</source>
      <translation>Rhowch enw eich clwstwr, fel y mae'n ymddangos ar y cofnodion.</translation>
    </message>
    <message>
      <source>Health board</source>
      <translation>Bwrdd iechyd</translation>
    </message>
    <message>
      <source>New record</source>
      <translation>Cofnod newydd</translation>
    </message>
    <message>
      <source>No record chosen</source>
      <translation>Ni ddewiswyd cofnod</translation>
    </message>
    <message>
      <source>No such record</source>
      <translation>Nid oes cofnod o'r fath</translation>
    </message>
    <message>
      <source>Open a record</source>
      <translation>Agor cofnod</translation>
    </message>
    <message>
      <source>Open an existing record (for example on a shared drive)</source>
      <translation>Agor cofnod sy'n bodoli eisoes (er enghraifft ar yriant a rennir)</translation>
    </message>
    <message>
      <source>Records (*.sqlite *.db);;All files (*)</source>
      <translation>Cofnodion (*.sqlite *.db);;Pob ffeil (*)</translation>
    </message>
    <message>
      <source>Records (*.sqlite)</source>
      <translation>Cofnodion (*.sqlite)</translation>
    </message>
    <message>
      <source>Start a new record</source>
      <translation>Dechrau cofnod newydd</translation>
    </message>
    <message>
      <source>Terms of reference</source>
      <translation>Cylch gorchwyl</translation>
    </message>
    <message>
      <source>Terms of reference (*.toml);;All files (*)</source>
      <translation>Cylch gorchwyl (*.toml);;Pob ffeil (*)</translation>
    </message>
    <message>
      <source>Terms of reference file</source>
      <translation>Ffeil cylch gorchwyl</translation>
    </message>
    <message>
      <source>The cluster has no name</source>
      <translation>Nid oes enw gan y clwstwr</translation>
    </message>
    <message>
      <source>The record</source>
      <translation>Y cofnod</translation>
    </message>
    <message>
      <source>The record cannot be created</source>
      <translation>Nid oes modd creu'r cofnod</translation>
    </message>
    <message>
      <source>The record cannot be opened</source>
      <translation>Nid oes modd agor y cofnod</translation>
    </message>
    <message>
      <source>These terms of reference cannot be used</source>
      <translation>Nid oes modd defnyddio'r cylch gorchwyl hwn</translation>
    </message>
    <message>
      <source>Try a demo meeting</source>
      <translation>Rhoi cynnig ar gyfarfod enghreifftiol</translation>
    </message>
    <message>
      <source>Welcome to Cluster Secretary</source>
      <translation>Croeso i Ysgrifennydd y Clwstwr</translation>
    </message>
    <message>
      <source>Your cluster</source>
      <translation>Eich clwstwr</translation>
    </message>
    <message>
      <source>e.g. Swansea Bay University Health Board</source>
      <translation>e.e. Bwrdd Iechyd Prifysgol Bae Abertawe</translation>
    </message>
    <message>
      <source>e.g. Upper Valleys Primary Care Cluster</source>
      <translation>e.e. Clwstwr Gofal Sylfaenol y Cymoedd Uchaf</translation>
    </message>
    <message>
      <source>{0} (from {1})</source>
      <translation>{0} (o {1})</translation>
    </message>
    <message>
      <source>{0} already exists. Choose “Open an existing record” to use it, or another name for a new record.</source>
      <translation>Mae {0} yn bodoli eisoes. Dewiswch “Agor cofnod sy'n bodoli eisoes” i'w ddefnyddio, neu enw arall ar gyfer cofnod newydd.</translation>
    </message>
    <message>
      <source>{0} does not exist.</source>
      <translation>Nid yw {0} yn bodoli.</translation>
    </message>
  </context>
  <context>
    <name>app</name>
    <message>
      <source>Cluster Secretary</source>
      <translation>Ysgrifennydd y Clwstwr</translation>
    </message>
    <message>
      <source>The record cannot be opened</source>
      <translation>Nid oes modd agor y cofnod</translation>
    </message>
    <message>
      <source>The record used last time, {0}, is not there: it was moved, renamed or deleted. Nothing was created. Start Cluster Secretary with --db and the record where it is now.</source>
      <translation>Nid yw'r cofnod a ddefnyddiwyd y tro diwethaf, {0}, yno: cafodd ei symud, ei ailenwi neu ei ddileu. Ni chrëwyd dim. Dechreuwch Ysgrifennydd y Clwstwr gyda --db a'r cofnod lle mae nawr.</translation>
    </message>
  </context>
  <context>
    <name>crash</name>
    <message>
      <source>Something went wrong</source>
      <translation>Aeth rhywbeth o'i le</translation>
    </message>
    <message>
      <source>Something went wrong in the window, but everything recorded so far is safe in the record. You can carry on with the meeting.</source>
      <translation>Aeth rhywbeth o'i le yn y ffenestr, ond mae popeth a gofnodwyd hyd yma yn ddiogel yn y cofnod. Gallwch barhau â'r cyfarfod.</translation>
    </message>
    <message>
      <source>What happened ({0}) is written in {1}.</source>
      <translation>Mae'r hyn a ddigwyddodd ({0}) wedi'i ysgrifennu yn {1}.</translation>
    </message>
  </context>
  <context>
    <name>dialog</name>
    <message>
      <source>Attendance for the year</source>
      <translation>Presenoldeb am y flwyddyn</translation>
    </message>
  </context>
  <context>
    <name>models</name>
    <message>
      <source>Action</source>
      <translation>Cam gweithredu</translation>
    </message>
    <message>
      <source>Arrived</source>
      <translation>Cyrraedd</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>Penderfyniad</translation>
    </message>
    <message>
      <source>Direction</source>
      <translation>Cyfarwyddyd</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Erbyn</translation>
    </message>
    <message>
      <source>Financial</source>
      <translation>Ariannol</translation>
    </message>
    <message>
      <source>For</source>
      <translation>Ar gyfer</translation>
    </message>
    <message>
      <source>For this item</source>
      <translation>Ar gyfer yr eitem hon</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Oddi wrth</translation>
    </message>
    <message>
      <source>Guest</source>
      <translation>Gwestai</translation>
    </message>
    <message>
      <source>In attendance</source>
      <translation>Yn mynychu</translation>
    </message>
    <message>
      <source>In attendance: recorded, not counted for quorum, no vote.</source>
      <translation>Yn mynychu: wedi'i gofnodi, heb ei gyfrif at y cworwm, dim pleidlais.</translation>
    </message>
    <message>
      <source>Interest</source>
      <translation>Buddiant</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Eitem</translation>
    </message>
    <message>
      <source>Left early</source>
      <translation>Gadael yn gynnar</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Enw</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>Arweinydd</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Person</translation>
    </message>
    <message>
      <source>Presented by {0}</source>
      <translation>Cyflwynwyd gan {0}</translation>
    </message>
    <message>
      <source>Ref</source>
      <translation>Cyf</translation>
    </message>
    <message>
      <source>Seat</source>
      <translation>Sedd</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statws</translation>
    </message>
    <message>
      <source>Then</source>
      <translation>Yna</translation>
    </message>
    <message>
      <source>To</source>
      <translation>At</translation>
    </message>
    <message>
      <source>Vote</source>
      <translation>Pleidlais</translation>
    </message>
    <message>
      <source>Votes now</source>
      <translation>Pleidleisiau yn awr</translation>
    </message>
    <message>
      <source>Voting group</source>
      <translation>Grŵp pleidleisio</translation>
    </message>
    <message>
      <source>absent</source>
      <translation>yn absennol</translation>
    </message>
    <message>
      <source>abstain</source>
      <translation>ymatal</translation>
    </message>
    <message>
      <source>abstains</source>
      <translation>yn ymatal</translation>
    </message>
    <message>
      <source>against</source>
      <translation>yn erbyn</translation>
    </message>
    <message>
      <source>agreed by consensus</source>
      <translation>cytunwyd drwy gonsensws</translation>
    </message>
    <message>
      <source>apologies</source>
      <translation>ymddiheuriadau</translation>
    </message>
    <message>
      <source>blocked (inquorate)</source>
      <translation>wedi'i atal (heb gworwm)</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>wedi'i ganslo</translation>
    </message>
    <message>
      <source>cannot vote</source>
      <translation>ni all bleidleisio</translation>
    </message>
    <message>
      <source>carried</source>
      <translation>pasiwyd</translation>
    </message>
    <message>
      <source>complete</source>
      <translation>wedi'i gwblhau</translation>
    </message>
    <message>
      <source>every item</source>
      <translation>pob eitem</translation>
    </message>
    <message>
      <source>for</source>
      <translation>o blaid</translation>
    </message>
    <message>
      <source>in force</source>
      <translation>mewn grym</translation>
    </message>
    <message>
      <source>in progress</source>
      <translation>ar waith</translation>
    </message>
    <message>
      <source>left {0}</source>
      <translation>gadawodd {0}</translation>
    </message>
    <message>
      <source>may vote</source>
      <translation>caiff bleidleisio</translation>
    </message>
    <message>
      <source>none stated</source>
      <translation>ni nodwyd dim</translation>
    </message>
    <message>
      <source>not carried</source>
      <translation>ni phasiwyd</translation>
    </message>
    <message>
      <source>not directed</source>
      <translation>heb gyfarwyddyd</translation>
    </message>
    <message>
      <source>not for this item</source>
      <translation>nid ar gyfer yr eitem hon</translation>
    </message>
    <message>
      <source>open</source>
      <translation>ar agor</translation>
    </message>
    <message>
      <source>present</source>
      <translation>yn bresennol</translation>
    </message>
    <message>
      <source>remote</source>
      <translation>o bell</translation>
    </message>
    <message>
      <source>this item</source>
      <translation>yr eitem hon</translation>
    </message>
    <message>
      <source>withdrawn for item</source>
      <translation>wedi ymneilltuo ar gyfer yr eitem</translation>
    </message>
    <message>
      <source>withdraws</source>
      <translation>yn ymneilltuo</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>ie</translation>
    </message>
    <message>
      <source>{0} (late)</source>
      <translation>{0} (hwyr)</translation>
    </message>
    <message>
      <source>{0} ({1})</source>
      <translation>{0} ({1})</translation>
    </message>
    <message>
      <source>{0} {1}–{2}–{3}</source>
      <translation>{0} {1}–{2}–{3}</translation>
    </message>
    <message>
      <source>{0}, abstains</source>
      <translation>{0}, yn ymatal</translation>
    </message>
    <message>
      <source>{name} — deputy</source>
      <translation>{name} — dirprwy</translation>
    </message>
    <message>
      <source>{name} — deputy for {seat}</source>
      <translation>{name} — dirprwy ar gyfer {seat}</translation>
    </message>
  </context>
  <context>
    <name>roster_editor</name>
    <message>
      <source>Attendee</source>
      <translation>Mynychwr</translation>
    </message>
    <message>
      <source>Deputy</source>
      <translation>Dirprwy</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>E-bost</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>Aelod</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Enw</translation>
    </message>
    <message>
      <source>On the roster since</source>
      <translation>Ar y rhestr ers</translation>
    </message>
    <message>
      <source>Organisation</source>
      <translation>Sefydliad</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Rôl</translation>
    </message>
    <message>
      <source>Seat / kind</source>
      <translation>Sedd / math</translation>
    </message>
  </context>
  <context>
    <name>start</name>
    <message>
      <source> — OVERDUE</source>
      <translation> — HWYR</translation>
    </message>
    <message>
      <source>(no date)</source>
      <translation>(dim dyddiad)</translation>
    </message>
    <message>
      <source>Actions</source>
      <translation>Camau gweithredu</translation>
    </message>
    <message>
      <source>Actions of this meeting still open:</source>
      <translation>Camau gweithredu'r cyfarfod hwn sydd ar agor o hyd:</translation>
    </message>
    <message>
      <source>Cluster</source>
      <translation>Clwstwr</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Dyddiad</translation>
    </message>
    <message>
      <source>Events recorded</source>
      <translation>Digwyddiadau a gofnodwyd</translation>
    </message>
    <message>
      <source>Minutes to members</source>
      <translation>Cofnodion i'r aelodau</translation>
    </message>
    <message>
      <source>Papers</source>
      <translation>Papurau</translation>
    </message>
    <message>
      <source>Reading the meetings…</source>
      <translation>Wrthi'n darllen y cyfarfodydd…</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>Dechrau</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Teitl</translation>
    </message>
    <message>
      <source>Venue</source>
      <translation>Lleoliad</translation>
    </message>
    <message>
      <source>due by {date}</source>
      <translation>erbyn {date}</translation>
    </message>
    <message>
      <source>no due date</source>
      <translation>dim dyddiad erbyn</translation>
    </message>
    <message>
      <source>not recorded</source>
      <translation>heb ei gofnodi</translation>
    </message>
    <message>
      <source>overdue (due {date})</source>
      <translation>yn hwyr (erbyn {date})</translation>
    </message>
    <message>
      <source>sent {date}</source>
      <translation>anfonwyd {date}</translation>
    </message>
    <message>
      <source>sent {date}, late (due {due})</source>
      <translation>anfonwyd {date}, yn hwyr (erbyn {due})</translation>
    </message>
    <message>
      <source>{n} open</source>
      <translation>{n} ar agor</translation>
    </message>
    <message>
      <source>{n} overdue</source>
      <translation>{n} yn hwyr</translation>
    </message>
    <message>
      <source>{what}: due {date}; the date they were sent was not recorded</source>
      <translation>{what}: erbyn {date}; ni chofnodwyd y dyddiad yr anfonwyd nhw</translation>
    </message>
  </context>
  <context>
    <name>window</name>
    <message>
      <source>Not imported</source>
      <translation>Heb ei fewnforio</translation>
    </message>
    <message>
      <source>People whose attendance was recorded from the Teams report: {0}.</source>
      <translation>Pobl y cofnodwyd eu presenoldeb o adroddiad Teams: {0}.</translation>
    </message>
    <message>
      <source>Teams attendance report</source>
      <translation>Adroddiad presenoldeb Teams</translation>
    </message>
    <message>
      <source>Teams attendance report (*.csv *.tsv *.txt);;All files (*)</source>
      <translation>Adroddiad presenoldeb Teams (*.csv *.tsv *.txt);;Pob ffeil (*)</translation>
    </message>
  </context>
</TS>
