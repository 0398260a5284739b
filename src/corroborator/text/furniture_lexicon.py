"""Site-furniture lexicon: category -> language -> regular expressions, as plain data.

Every pattern is matched with ``fullmatch`` (case-insensitive) against the *core* of a line:
the stripped line without leading bullets and without trailing separators or punctuation
(see ``clean._core``). Matching the whole line, not a substring, is what keeps a body sentence
such as "The company's share price fell 4%." from being taken for a "Share" button.

Two strengths:

* ``STRICT`` patterns are specific phrases ("Your email address will not be published",
  "Reporting by ...", "Lesen Sie auch: ..."). They remove a line even when it reads like a
  full sentence, because sites do write their furniture as sentences.
* ``WEAK`` patterns are generic ("More in World", "Newsletter", "3 hours ago"). They only
  remove a line that does *not* look like a body sentence (see ``clean.looks_like_sentence``).

Languages plug in by adding a key; ``"*"`` holds language-neutral patterns. All languages
are always applied, because furniture is often in another language than the article
("Photo: Reuters" inside a French article). Category names end up in
``CleanedText.line_labels`` as ``"furniture:<category>"``.
"""

from __future__ import annotations

# A separator that introduces a headline or a name after a furniture label:
# "Read also: ...", "Lesen Sie auch › ...", "Related | ...".
SEP = r"\s*[:›»>|\-–—]\s*"
# Tail allowed after a label: the teaser headline itself.
TAIL = rf"(?:{SEP}.{{0,220}})?"

AGENCIES = (
    r"AFP|AP|Reuters|dpa|EPA|EFE|PAP|ANP|ANSA|Belga|Keystone|TASS|ТАСС|РИА Новости|Интерфакс|"
    r"Getty Images|AFP via Getty Images|Shutterstock|Imago|picture alliance|picture-alliance|"
    r"Europa Press|Bloomberg|Xinhua|KNA|epd|APA|SDA|Forum|East News|Agencja Gazeta|Sputnik"
)
_CREDIT_WORD = (
    r"photo|photos|foto|fotos|fot\.?|bild|bilder|image|images|picture|photograph|"
    r"zdjęcie|zdjęcia|фото|фотография|credit|crédit|crédits|crédit photo|photo credit|"
    r"bildquelle|image source|illustration|grafik|graphic|infographie|infografía|infografika"
)

STRICT: dict[str, dict[str, list[str]]] = {
    "caption": {
        "*": [
            # "Photo: Reuters", "Foto: dpa/Max Muster", "Fot. PAP/Jan Nowak", "Фото: ТАСС".
            rf"(?:{_CREDIT_WORD})\s*[:/©]\s*.{{1,90}}",
            # A caption that ends with a credit: "Firefighters on Monday. Photo: Reuters".
            rf".{{1,400}}?[\s.,;|(\[–—-]\s*(?:{_CREDIT_WORD})\s*[:©]\s*[^.:;!?]{{1,70}}\)?",
            # "... (Foto: dpa)", "... [Photo: AFP]".
            rf".{{0,400}}?[(\[]\s*(?:{_CREDIT_WORD})\s*:?\s*[^)\]]{{1,70}}[)\]]",
            r"(?:photo|photograph|picture|image)\s+(?:by|courtesy of)\s+.{1,80}",
            r"image (?:source|caption)\s*,.{0,300}",
            r"(?:foto|fot\.|photo|imagen|image|zdjęcie) (?:de |d'|ilustracyjne|illustrative|"
            r"d’)?(?:archivo|archives?|illustration|ilustracyjne|illustrative)\)?",
        ],
        "de": [r"bildunterschrift\s*:?.{0,300}", r"(?:symbolbild|archivbild)(?:\s*[:|].{0,80})?"],
        "fr": [r"légende\s*:.{0,300}", r"photo d['’]illustration"],
        "es": [r"pie de foto\s*:.{0,300}"],
        "pl": [r"podpis\s*:.{0,300}"],
        "ru": [r"подпись к фото\s*:.{0,300}"],
    },
    "byline": {
        "en": [
            r"from (?:our|a) (?:own )?(?:correspondent|reporter|staff writer)s?(?: in .{1,40})?"
        ],
        "de": [
            r"von unsere[mr] (?:redakteur(?:in)?|korrespondent(?:in)?|mitarbeiter(?:in)?|"
            r"reporter(?:in)?|redaktion)(?: .{1,60})?"
        ],
        "fr": [r"(?:de|par) (?:notre|nos) (?:correspondante?|envoyée? spéciale?)s?(?: .{1,60})?"],
        "es": [r"(?:de|por) (?:nuestr[oa]s?) (?:corresponsal|enviad[oa] especial)(?: .{1,60})?"],
        "pl": [r"od (?:naszego|naszej) (?:korespondenta|korespondentki|wysłannika)(?: .{1,60})?"],
        "ru": [r"от (?:нашего|нашей) (?:корреспондента|корреспондентки)(?: .{1,60})?"],
    },
    "share": {
        "*": [r"(?:share|tweet|e-?mail|print|whatsapp|telegram|messenger)(?:\s+\d+)?"],
        "en": [
            r"share (?:this|the) (?:article|story|post|page|video)",
            r"share (?:on|via|to) .{1,30}",
            r"copy(?: the)? (?:link|url)|link copied|copied to clipboard",
            r"share this|sharing options|share options|gift (?:this )?article",
            r"save(?: (?:article|story|for later))?",
        ],
        "de": [
            r"(?:artikel |beitrag )?teilen|(?:auf|per|via) .{1,25} teilen",
            r"drucken|versenden|link kopieren|merken|artikel verschenken",
        ],
        "fr": [
            r"partager(?: (?:cet article|l['’]article|sur .{1,25}))?",
            r"imprimer|copier le lien|envoyer par (?:e-?mail|courriel)|lien copié",
            r"offrir (?:cet )?article|sauvegarder",
        ],
        "es": [
            r"compartir(?: (?:en .{1,25}|este artículo|esta noticia))?",
            r"imprimir|copiar (?:enlace|link)|enviar por (?:correo|e-?mail)|guardar",
        ],
        "pl": [r"udostępnij(?: (?:na .{1,25}|artykuł))?|podziel się|drukuj|(?:s)?kopiuj link"],
        "ru": [r"поделиться(?: в .{1,25})?|распечатать|(?:скопировать|копировать) ссылку"],
    },
    "follow": {
        "en": [
            r"follow (?:us|me|@\w+)(?: (?:on|at) .{1,60})?",
            r"follow .{1,60} on (?:twitter|x|facebook|instagram|telegram|linkedin|threads|"
            r"bluesky|tiktok|youtube|mastodon).{0,40}",
            r"(?:like|find|join) us on .{1,40}",
            r"(?:get|stay) (?:the latest|up to date|updated|informed)\b.{0,40} (?:on|via|with) "
            r"(?:our )?(?:whatsapp|telegram|app|channel).{0,40}",
        ],
        "de": [
            r"folgen sie uns(?: (?:auf|bei) .{1,60})?",
            r"folge uns.{0,60}",
            r".{1,40} (?:auf|bei) (?:twitter|x|facebook|instagram|whatsapp|telegram|threads)"
            r" folgen",
        ],
        "fr": [
            r"suivez[- ]nous(?: sur .{1,60})?",
            r"suivez .{1,50} sur (?:twitter|x|facebook|instagram|telegram|whatsapp|linkedin).{0,20}",
            r"rejoignez[- ]nous sur .{1,60}",
        ],
        "es": [
            r"s[íi]guenos(?: en .{1,60})?",
            r"sig(?:a|ue) a .{1,50} en (?:twitter|x|facebook|instagram|telegram|whatsapp).{0,20}",
            r"únete a nuestro canal.{0,60}",
        ],
        "pl": [r"obserwuj nas(?: na .{1,60})?", r"śledź nas.{0,60}", r"dołącz do nas na .{1,60}"],
        "ru": [
            r"подписывайтесь на (?:наш |наши )?.{1,80}",
            r"подпишитесь на (?:наш |наши )?(?:канал|telegram|телеграм|страниц|рассылк).{0,60}",
            r"читайте нас в .{1,60}",
        ],
    },
    "newsletter": {
        "en": [
            r"(?:sign up|subscribe|register) (?:for|to) (?:our|the) .{1,160}",
            r"(?:sign up|subscribe)(?: (?:now|today|here))?(?:[!.,:]\s*.{0,160})?",
            r"(?:get|receive) (?:our|the) .{1,80} (?:newsletter|briefing|in your inbox).{0,80}",
            r"enter your e-?mail(?: address)?.{0,60}",
            r"already (?:a subscriber|have an account|registered)\??.{0,60}",
            r"subscribe to (?:read|continue|unlock).{0,80}",
            r"this (?:article|content|story) is (?:for|available to|only available to|reserved "
            r"for) (?:paying )?subscribers.{0,60}",
            r"become a (?:member|subscriber|supporter).{0,80}",
            r"(?:please )?support (?:our|independent) journalism.{0,120}",
            r"we(?:'|’)ll never share your e-?mail.{0,80}",
            r"by (?:signing up|subscribing|clicking).{0,200}",
            r"thank(?:s| you) for (?:subscribing|signing up|reading).{0,60}",
            r"our standards\s*:.{0,100}",
            r"(?:got|have) a (?:news )?tip\??.{0,140}",
            r"(?:contact|email) the (?:author|reporter|newsroom).{0,100}",
            r"(?:you have|you've) (?:\d+|one|two|three) (?:free )?articles? (?:left|remaining).{0,60}",
            r"(?:log|sign) in (?:to|or) (?:read|continue|comment|subscribe|register).{0,60}",
        ],
        "de": [
            r"(?:jetzt )?(?:newsletter )?(?:abonnieren|bestellen|anmelden)(?:[!.:]\s*.{0,160})?",
            r"(?:melden sie sich|abonnieren sie) .{0,60}(?:newsletter|an|ab)\b.{0,120}",
            r"(?:hier|jetzt) (?:kostenlos )?(?:für den|zum) .{0,60}newsletter.{0,80}",
            r"(?:dieser|der) (?:artikel|beitrag|inhalt) ist (?:nur )?(?:für|abonnenten).{0,100}",
            r"sie sind bereits abonnent.{0,60}|bereits abonnent.{0,60}|jetzt (?:einloggen|anmelden)",
            r"(?:ihre )?(?:e-mail|e-mail-adresse) eingeben.{0,40}",
            r"hinweise (?:bitte )?an (?:die redaktion|uns).{0,80}",
        ],
        "fr": [
            r"(?:inscrivez-vous|abonnez-vous)(?: (?:à|a) .{1,160}|[!.:]\s*.{0,160})?",
            r"(?:s['’]inscrire|s['’]abonner)(?: (?:à|a) .{1,120})?",
            r"recevez .{1,160}",
            r"(?:déjà abonné|vous êtes déjà abonné)\s*\??.{0,60}",
            r"cet article est réservé aux abonnés.{0,80}|article réservé aux abonnés",
            r"(?:votre )?adresse (?:e-?mail|électronique)\s*\*?",
        ],
        "es": [
            r"(?:suscr[íi]bete|suscríbase|reg[íi]strate)(?: (?:a|al|en) .{1,160}|[!.:]\s*.{0,160})?",
            r"(?:recibe|recibir) (?:nuestro|nuestra|las|los) .{1,120}",
            r"(?:¿)?ya (?:eres|es) (?:suscriptor|usuario)\??.{0,60}",
            r"(?:este|el) (?:artículo|contenido) es exclusivo para suscriptores.{0,80}",
            r"introduce tu (?:correo|e-?mail).{0,40}",
        ],
        "pl": [
            r"(?:zapisz się|subskrybuj|zasubskrybuj)(?: (?:na|do) .{1,160}|[!.:]\s*.{0,160})?",
            r"(?:zamów|otrzymuj) (?:nasz |bezpłatny )?newsletter.{0,120}",
            r"(?:masz już|posiadasz) (?:konto|subskrypcję|prenumeratę)\??.{0,60}",
            r"(?:ten )?(?:artykuł|tekst) (?:jest )?dostępny (?:tylko )?dla (?:subskrybentów|"
            r"prenumeratorów).{0,80}",
            r"wpisz (?:swój )?(?:adres )?e-?mail.{0,40}",
        ],
        "ru": [
            r"(?:подпишитесь|подписаться)(?: на (?:рассылку|новост|наш).{0,120}|[!.:]\s*.{0,120})?",
            r"(?:получайте|получать) (?:главные |наши )?новости .{0,120}",
            r"(?:уже )?есть аккаунт\??.{0,40}|войти",
        ],
    },
    "app": {
        # App promotion, often after a lead-in: "News on your phone: download our app".
        "*": [
            r".{0,80}\b(?:download|get|install) (?:our|the) (?:free )?(?:news )?app\b.{0,80}",
            r".{0,80}\b(?:laden sie|holen sie sich) (?:unsere|die) .{0,40}app\b.{0,60}",
            r".{0,80}\btéléchargez (?:notre|l['’])app(?:lication)?\b.{0,80}",
            r".{0,80}\b(?:descarga|descargue|descárgate) (?:nuestra|la) app\b.{0,80}",
            r".{0,80}\bpobierz (?:naszą |bezpłatną )?aplikację\b.{0,80}",
            r".{0,80}(?:скачайте|установите) (?:наше )?приложение.{0,80}",
        ],
    },
    "comments": {
        "en": [
            r"leave a (?:reply|comment)(?: to .{1,60})?|post (?:a |your )?comment|add (?:a )?comment",
            r"comments?(?:\s*\(\d+\)|\s+\d+)?|\d+ comments?|view (?:all )?comments|show comments",
            r"your e-?mail address will not be published.{0,160}",
            r"required fields are marked.{0,10}",
            r"save my name,? e-?mail,? and website in this browser.{0,120}",
            r"cancel reply|reply|log in to (?:comment|reply).{0,40}",
            r"(?:name|e-?mail|website|comment|your (?:name|comment))\s*\*?",
            r"join the (?:conversation|discussion|debate).{0,60}",
            r"comments (?:are|have been) closed.{0,60}|be the first to comment.{0,30}",
            r"(?:this discussion|commenting) is (?:closed|now closed).{0,60}",
        ],
        "de": [
            r"kommentare?(?:\s*\(\d+\)|\s+\d+)?|\d+ kommentare?",
            r"kommentar (?:schreiben|verfassen|abgeben|abschicken)|jetzt kommentieren",
            r"ihre e-mail-adresse wird nicht veröffentlicht.{0,160}",
            r"erforderliche felder sind (?:mit )?\*? ?markiert.{0,10}",
            r"antworten|antwort abbrechen|zu den kommentaren|kommentare (?:anzeigen|lesen)",
            r"die kommentarfunktion .{1,120}",
        ],
        "fr": [
            r"commentaires?(?:\s*\(\d+\)|\s+\d+)?|\d+ commentaires?",
            r"laisser un commentaire|ajouter un commentaire|réagir(?: à cet article)?|réagissez",
            r"votre adresse (?:e-?mail|email|de messagerie) ne sera pas publiée.{0,160}",
            r"les champs obligatoires sont indiqués.{0,20}",
            r"annuler la réponse|répondre|voir les commentaires",
        ],
        "es": [
            r"comentarios?(?:\s*\(\d+\)|\s+\d+)?|\d+ comentarios?",
            r"dej[ae] (?:un|tu|su) comentario|dejar un comentario|escribe tu comentario",
            r"tu dirección de correo electrónico no será publicada.{0,160}",
            r"los campos obligatorios están marcados.{0,10}",
            r"cancelar respuesta|responder|ver comentarios",
        ],
        "pl": [
            r"komentarze?(?:\s*\(\d+\)|\s+\d+)?|\d+ komentarz(?:e|y)?",
            r"dodaj komentarz|skomentuj|zobacz komentarze|odpowiedz",
            r"tw[óo]j adres e-?mail nie zostanie opublikowany.{0,160}",
            r"wymagane pola są oznaczone.{0,10}|anuluj pisanie odpowiedzi",
        ],
        "ru": [
            r"комментари(?:и|й|ев)(?:\s*\(\d+\)|\s+\d+)?|\d+ комментари(?:й|я|ев)",
            r"оставить комментарий|оставьте комментарий|ответить|отменить ответ",
            r"ваш (?:адрес )?e-?mail не будет опубликован.{0,160}",
            r"обязательные поля помечены.{0,10}",
        ],
    },
    "related": {
        "en": [
            rf"(?:read|see|watch) (?:also|more|next)(?: about .{{1,80}})?{TAIL}",
            rf"related(?: (?:articles?|stories|content|coverage|news|topics|reading|links))?{TAIL}",
            rf"(?:most (?:read|popular|viewed|shared))(?: (?:stories|articles|today))?{TAIL}",
            r"(?:you|you might|you may) (?:also|might|may) (?:like|enjoy|be interested in).{0,80}",
            r"recommended(?: for you)?|what to read next|editor(?:'|’)?s picks|top stories",
            r"continue reading.{0,80}|keep reading.{0,60}|in other news\s*:.{0,160}",
        ],
        "de": [
            rf"lesen sie (?:auch|mehr|hier|weiter)(?: (?:zum thema|dazu))?{TAIL}",
            rf"(?:auch |ebenfalls )interessant{TAIL}",
            rf"mehr (?:zum thema|dazu|lesen){TAIL}",
            rf"das könnte sie auch interessieren{TAIL}|meistgelesen(?:e artikel)?{TAIL}",
            rf"(?:weitere|mehr) (?:artikel|nachrichten|meldungen) (?:zum thema|aus .{{1,40}}){TAIL}",
            r"weiterlesen|empfehlungen(?: der redaktion)?|top-themen|zum thema",
        ],
        "fr": [
            rf"(?:à|a) lire (?:aussi|également|egalement|absolument){TAIL}",
            rf"lire (?:aussi|également|la suite|plus){TAIL}",
            rf"(?:sur le même sujet|dans la même rubrique|voir aussi|en savoir plus|les plus lus)"
            rf"{TAIL}",
            rf"(?:à voir aussi|vous aimerez aussi|découvrez aussi|(?:à|a) découvrir|nos articles "
            rf"sur .{{1,60}}){TAIL}",
        ],
        "es": [
            rf"(?:lee|lea|leer) (?:también|tambien|más|mas){TAIL}",
            rf"(?:también )?(?:te|le) puede interesar{TAIL}|puede interesarte{TAIL}",
            rf"(?:noticias relacionadas|relacionad[oa]s|lo más leído|ver también|contenido "
            rf"relacionado|sigue leyendo|más información){TAIL}",
        ],
        "pl": [
            rf"czytaj (?:też|także|również|więcej|dalej){TAIL}",
            rf"(?:zobacz|przeczytaj) (?:też|także|również){TAIL}",
            rf"(?:polecamy|najczęściej czytane|podobne artykuły|warto przeczytać|powiązane(?: "
            rf"artykuły)?){TAIL}",
        ],
        "ru": [
            rf"(?:читайте (?:также|еще|ещё|по теме)|смотрите также|(?:ещё|еще) по теме|по теме)"
            rf"{TAIL}",
            rf"(?:читать далее|подробнее|самое читаемое|материалы по теме|новости по теме|"
            rf"это интересно){TAIL}",
        ],
    },
    "copyright": {
        "*": [
            r"(?:©|\(c\)|copyright|℗)\s*.{0,200}",
            r".{0,120}©\s*(?:\d{4}|[A-Z]).{0,120}",
            r".{0,120}(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|"
            r"todos los derechos reservados|wszelkie prawa zastrzeżone|все права защищены).{0,160}",
        ],
        "en": [
            r"this material may not be published, broadcast, rewritten,? or redistributed.{0,60}"
        ],
        "de": [r".{0,80}(?:nachdruck|vervielfältigung) .{0,60}nur mit .{0,40}genehmigung.{0,60}"],
        "fr": [r".{0,80}reproduction (?:interdite|strictement interdite).{0,80}"],
        "es": [r".{0,80}prohibida (?:su|la) reproducción.{0,80}"],
        "pl": [r".{0,80}kopiowanie .{0,60}zabronione.{0,80}"],
        "ru": [
            r".{0,80}(?:перепечатка|использование материалов) .{0,80}(?:запрещен|разрешени).{0,80}"
        ],
    },
    "credit": {
        "*": [
            # Agency sign-off alone on a line: "(dpa)", "(AP/Reuters)", "jdo/dpa", "(PAP)".
            rf"\(?(?:[a-zäöüß]{{1,5}}/)*(?:{AGENCIES})(?:\s*[/,]\s*(?:{AGENCIES}|[a-zäöüß]{{1,5}}))*\)?",
        ],
        "en": [
            r"\(?(?:additional )?reporting by .{1,240}",
            r"\(?(?:writing|editing|edited|compiled|produced|written|graphics|research|"
            r"translated|reported|additional reporting) by .{1,160}",
            r"\(?(?:with|additional) (?:reporting|input|contributions) (?:from|by) .{1,160}",
            # "Reporting contributed by Jane Doe from Nairobi." and "Jane Doe contributed
            # reporting from Nairobi and John Roe from Lagos."
            r"\(?(?:additional )?reporting (?:was )?contributed by .{1,240}",
            r"[^.!?:;]{2,160}? contributed (?:additional )?(?:reporting|research)"
            r"(?: (?:from|in|to this (?:article|report|story)) .{1,160})?",
            r"(?:this (?:story|article|report) (?:was|has been) (?:updated|corrected|"
            r"produced|written)).{0,200}",
            # Syndication credits: "From our partners at the Northshore Ledger".
            r"(?:from|via) our (?:content )?partners? (?:at|of) .{1,80}",
            r"(?:courtesy of|republished (?:with permission )?from) .{1,80}",
        ],
        "de": [
            r"\(?(?:mitarbeit|mit material von|mit informationen von|recherche|redaktionelle "
            r"bearbeitung)\s*:?\s*.{1,120}\)?",
            rf"\(?mit (?:{AGENCIES})(?:\s*[/,]\s*(?:{AGENCIES}))*\)?",
        ],
        "fr": [
            rf"\(?avec (?:{AGENCIES}|le parisien|l['’]afp)(?:\s*[/,]\s*(?:{AGENCIES}))*\)?",
            r"\(?(?:propos recueillis|rédigé|édité) par .{1,120}",
        ],
        "es": [
            r"\(?con (?:información|informaciones) de .{1,120}\)?",
            r"\(?(?:redacción|edición|agencias)\)?",
        ],
        "pl": [r"\(?(?:oprac(?:owanie)?\.?|opr\.|współpraca)\s*:?\s*.{1,80}\)?"],
        "ru": [r"\(?(?:по материалам|при участии|с использованием материалов)\s*:?\s*.{1,120}\)?"],
    },
    "reading_time": {
        "*": [
            r"\d{1,2}\s*(?:min(?:s|ute|utes|uten?|\.)?|мин(?:\.|ут[аы]?)?)(?: (?:read|lesezeit|"
            r"de lecture|de lectura|czytania|чтения|lectura|lecture|reading))?",
            r"(?:reading time|lesezeit|temps de lecture|tiempo de lectura|czas (?:czytania|"
            r"lektury)|время чтения)\s*:?\s*.{0,30}",
            r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\s*min)?",
        ],
    },
    "media": {
        "*": [
            r"(?:listen to (?:this )?(?:article|story)|artikel (?:vor)?anhören|audio anhören|"
            r"écouter (?:cet article|l['’]article)|escuchar (?:este artículo|la noticia)|"
            r"posłuchaj(?: artykułu)?|слушать(?: статью)?|play (?:video|audio))(?:\s*[:·|].{0,40})?",
            r"(?:video|videos|audio|gallery|galerie|fotogalerie|bildergalerie|galería|galeria|"
            r"фотогалерея|видео|photos|fotostrecke|diaporama|zdjęcia|podcast)(?:\s*\(\d+\))?",
            r"(?:video|audio|watch|podcast|galerie|galería|galeria|видео|wideo)\s*:\s*.{1,120}",
            r"(?:watch|ansehen|regarder|ver|zobacz|смотреть)(?: (?:the )?(?:video|now))?",
        ],
    },
    "ads": {
        "*": [
            r"advertisement|advertising|ad|ads|sponsored(?: content| by .{1,60})?|"
            r"paid (?:post|content|partnership)|promoted(?: content)?|partner content",
            r"anzeige|werbung|publicité|publicidad|reklama|реклама|sponsorisé|patrocinado",
            r"(?:story|article) continues (?:below|after)(?: (?:the |this )?(?:advertisement|ad))?|"
            r"continue reading (?:below|the main story)",
            r"weiter nach der (?:anzeige|werbung)|(?:la )?suite après (?:la|cette) publicité|"
            r"(?:el artículo )?(?:sigue|continúa) (?:después|tras) (?:de )?la publicidad|"
            r"dalsza część (?:artykułu|tekstu) pod (?:reklamą|materiałem wideo)|"
            r"продолжение (?:ниже|после рекламы)|скрыть рекламу",
        ],
    },
    "cookies": {
        "*": [
            r"(?:we|this (?:site|website)|our (?:site|website)) uses? cookies.{0,400}",
            r"(?:accept|reject|manage|allow)(?: all)? cookies.{0,60}|"
            r"cookie (?:settings|preferences|policy|consent|einstellungen|hinweis)",
            r"(?:diese (?:website|seite)|wir) (?:verwendet|verwenden|nutzt|nutzen|setzt|setzen) "
            r"cookies.{0,400}",
            r"alle (?:cookies )?akzeptieren|einstellungen verwalten",
            r"(?:ce site|notre site|nous) (?:utilise|utilisons) des (?:cookies|traceurs).{0,400}",
            r"accepter (?:et fermer|tout|les cookies)|tout refuser",
            r"(?:este sitio|esta web|utilizamos)(?: web)? (?:utiliza )?cookies.{0,400}",
            r"aceptar (?:todas|cookies|todo)|rechazar todo",
            r"(?:ta strona|serwis|używamy)(?: (?:używa|wykorzystuje))? (?:plików )?cookies?.{0,400}",
            r"akceptuj(?: wszystkie)?|zaakceptuj(?: wszystkie)?",
            r"(?:мы используем|сайт использует) (?:файлы )?cookie.{0,400}",
            r"принять(?: все)?(?: cookie)?",
        ],
    },
    "nav": {
        "*": [
            r"(?:home|startseite|accueil|inicio|portada|strona główna|главная)\s*[›>»/|].{0,200}",
            r"skip to (?:main )?content|back to top|zurück nach oben|retour en haut(?: de page)?|"
            r"volver arriba|powrót do góry|наверх|menu|menü|search|suche|rechercher|buscar|"
            r"szukaj|поиск|close|schließen|fermer|cerrar|zamknij|закрыть",
            r"(?:next|previous|nächster|vorheriger) (?:article|story|artikel|beitrag)|"
            r"article (?:suivant|précédent)|(?:siguiente|anterior) (?:artículo|noticia)|"
            r"(?:następny|poprzedni) artykuł|(?:следующая|предыдущая) статья",
        ],
    },
    "label": {
        "*": [
            r"breaking(?: news)?|live(?: updates| blog| ticker)?|exclusive|analysis|opinion|"
            r"explainer|factcheck|fact check|"
            r"eilmeldung|exklusiv|liveblog|newsticker|liveticker|kommentar|analyse|"
            r"direct|en direct|exclusif|décryptage|tribune|"
            r"última hora|en directo|en vivo|exclusiva|análisis|opinión|"
            r"pilne|na żywo|z ostatniej chwili|wyłącznie|komentarz|"
            r"срочно|эксклюзив|онлайн|мнение|прямая трансляция",
        ],
    },
    "tags": {
        "*": [
            r"(?:tags?|topics?|themen|schlagw(?:ö|o)rte?r?|mots[- ]clés|sujets|thèmes|"
            r"etiquetas|temas|tagi|tematy|теги|темы|categories|kategorie|catégories|"
            r"categorías|kategorie|рубрики?)\s*:.{0,300}",
        ],
    },
}

WEAK: dict[str, dict[str, list[str]]] = {
    "caption": {
        "*": [
            # A source label and a short name: "Source: Northwire", "Zdroj: ČTK".
            r"(?:source|sources|quelle|fuente|fonte|bron|źródło|zdroj|источник|kilde|källa|"
            r"lähde|forrás|sursa|kaynak)(?: (?:photo|foto|fotografie|de la photo|de la imagen))?"
            r"\s*:\s*[^\d.:;!?]{1,60}",
        ],
    },
    "related": {
        "en": [
            r"more (?:in|on|from|about) .{1,80}",
            r"more (?:stories|news|coverage|top stories)(?: .{0,60})?",
            r"latest (?:news|stories|headlines)(?: .{0,40})?|trending(?: now)?|explore more.{0,60}",
        ],
        "de": [
            r"mehr (?:aus|zu|über|von) .{1,80}|weitere (?:artikel|nachrichten|meldungen).{0,60}"
        ],
        "fr": [r"plus d['’](?:actualités|infos|articles)(?: .{0,60})?|toute l['’]actualité.{0,60}"],
        "es": [r"más (?:noticias|artículos|de|sobre|en) .{1,80}|últimas noticias.{0,40}"],
        "pl": [r"więcej (?:z|o|informacji|wiadomości|artykułów|na temat) ?.{0,80}"],
        "ru": [r"(?:ещё|еще|больше) (?:новостей|материалов|о|из|по) ?.{0,80}|все новости.{0,60}"],
    },
    "newsletter": {
        "*": [r"newsletters?.{0,100}", r".{0,100}\bnewsletters?", r"рассылка.{0,80}"],
        "en": [r"(?:log|sign) in|register|my account|subscribe|subscriptions?"],
        "de": [r"anmelden|einloggen|abo|abonnement|jetzt abonnieren.{0,60}"],
        "fr": [r"se connecter|connexion|abonnement|s['’]abonner.{0,60}"],
        "es": [r"iniciar sesión|suscripción|suscríbete.{0,60}"],
        "pl": [r"zaloguj(?: się)?|prenumerata|subskrypcja"],
        "ru": [r"вход|подписка"],
    },
    "dateline": {
        "*": [
            r"(?:updated |published |posted )?(?:\d+|an?|one|two) (?:hours?|hrs?|minutes?|mins?|"
            r"days?|weeks?) ago",
            r"(?:aktualisiert )?vor (?:\d+|einer|einem|zwei) (?:stunden?|minuten?|tagen?)",
            r"il y a (?:\d+|une?|deux) (?:heures?|minutes?|jours?)",
            r"hace (?:\d+|una?|dos) (?:horas?|minutos?|días?)",
            r"(?:\d+|jedną|dwie) (?:godzin[ay]?|minut[ay]?|dni) temu",
            r"(?:\d+|час|два) (?:час(?:а|ов)?|минут[уы]?|дн(?:я|ей)) назад",
        ],
    },
}

# Words that make up share bars: a line made only of these (and separators) is furniture.


def wordset(text: str) -> frozenset[str]:
    """Word lists are written as running text so that they stay readable and diffable."""
    return frozenset(text.split())


SOCIAL_WORDS: frozenset[str] = wordset(
    """
    facebook twitter x linkedin whatsapp telegram reddit pinterest email e-mail mail print
    copy link share tweet messenger flipboard threads bluesky instagram tiktok youtube
    mastodon xing vk вконтакте одноклассники viber sms teilen partager compartir udostępnij
    поделиться drucken imprimer imprimir drukuj
    """
)

# Words introducing a byline: "By Jane Doe", "Von Anna Müller", "Par Jean Dupont".
BYLINE_WORDS: tuple[str, ...] = (
    "by",
    "von",
    "par",
    "por",
    "de",
    "autor",
    "autorka",
    "autorzy",
    "autora",
    "auteur",
    "autores",
    "text",
    "texto",
    "texte",
    "tekst",
    "автор",
    "авторы",
    "текст",
)

# Words that may appear in a dateline around the date itself; they do not count as content.
DATELINE_WORDS: frozenset[str] = wordset(
    """
    published updated posted last modified on at am pm a.m p.m. edt est cet cest gmt utc bst
    pst pdt mez mesz uhr um stand veröffentlicht aktualisiert zuletzt erstellt vom
    publié mis à jour le à h heure modifié publicado actualizado el a las de hora
    opublikowano aktualizacja zaktualizowano dnia godz o r
    опубликовано обновлено дата в г года мск
    monday tuesday wednesday thursday friday saturday sunday
    mon tue wed thu fri sat sun
    montag dienstag mittwoch donnerstag freitag samstag sonntag
    lundi mardi mercredi jeudi vendredi samedi dimanche
    lunes martes miércoles jueves viernes sábado domingo
    poniedziałek wtorek środa czwartek piątek sobota niedziela
    понедельник вторник среда четверг пятница суббота воскресенье
    """
)

# Keywords that mark the *publication* date when a text carries several dates.
PUBLISHED_WORDS: tuple[str, ...] = (
    "published",
    "posted",
    "veröffentlicht",
    "erstellt",
    "publié",
    "publicado",
    "opublikowano",
    "опубликовано",
)

# Substrings (lower-cased) without which no pattern of a category can match. Categories whose
# patterns start with a wildcard (".{0,120}©...") are costly on long lines; checking these
# with `in` first keeps cleaning under a millisecond per article. Keep each tuple a superset
# of what its category's patterns require; tests/test_clean.py checks the phrases it covers.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "app": ("app", "aplikac", "приложени"),
    "caption": (
        "photo",
        "foto",
        "fot.",
        "bild",
        "image",
        "picture",
        "zdjęci",
        "фото",
        "credit",
        "crédit",
        "illustr",
        "grafi",
        "infogr",
        "légende",
        "pie de",
        "podpis",
        "подпись",
        "quelle",
        "archiv",
    ),
    "copyright": (
        "©",
        "(c)",
        "copyright",
        "℗",
        "rights reserved",
        "rechte vorbehalten",
        "droits réservés",
        "derechos reservados",
        "prawa zastrzeżone",
        "права защищены",
        "may not be published",
        "nachdruck",
        "vervielfältigung",
        "reproduction",
        "reproducción",
        "kopiowanie",
        "перепечатка",
        "использование материалов",
    ),
}
