"""The unit a question asks for (verify/asked_unit.py), read in every glossed language: "what
percentage ...", "how much did it cost / how much money" and a plain count, each written the
usual way in the language and read through its lexicon (verify/gloss.py)."""

from __future__ import annotations

import pytest

from orchestrator.verify.asked_unit import asked_unit
from orchestrator.verify.gloss import reading

# code: (a percentage question, a money question, a count question)
QUESTIONS = {
    "ja": ("昨年、大人の何パーセントが本を読みましたか？", "新しい橋の建設にいくらかかりましたか？",
           "図書館は昨年本を何冊買いましたか？"),
    "ko": ("작년에 성인의 몇 퍼센트가 책을 읽었나요?", "새 다리를 짓는 데 비용이 얼마나 들었나요?",
           "도서관은 작년에 책을 몇 권 샀나요?"),
    "es": ("¿Qué porcentaje de los adultos leyó un libro el año pasado?", "¿Cuánto costó el nuevo puente?",
           "¿Cuántos libros compró la biblioteca el año pasado?"),
    "fr": ("Quel pourcentage des adultes a lu un livre l'an dernier ?", "Combien a coûté le nouveau pont ?",
           "Combien de livres la bibliothèque a-t-elle achetés l'an dernier ?"),
    "de": ("Wie viel Prozent der Erwachsenen haben letztes Jahr ein Buch gelesen?", "Wie viel hat die neue Brücke gekostet?",
           "Wie viele Bücher hat die Bibliothek letztes Jahr gekauft?"),
    "pt": ("Que porcentagem dos adultos leu um livro no ano passado?", "Quanto custou a nova ponte?",
           "Quantos livros a biblioteca comprou no ano passado?"),
    "it": ("Quale percentuale degli adulti ha letto un libro l'anno scorso?", "Quanto è costato il nuovo ponte?",
           "Quanti libri ha comprato la biblioteca l'anno scorso?"),
    "nl": ("Hoeveel procent van de volwassenen heeft vorig jaar een boek gelezen?", "Hoeveel kostte de nieuwe brug?",
           "Hoeveel boeken heeft de bibliotheek vorig jaar gekocht?"),
    "ru": ("Какой процент взрослых прочитал книгу в прошлом году?", "Сколько стоил новый мост?",
           "Сколько книг купила библиотека в прошлом году?"),
    "uk": ("Який відсоток дорослих прочитав книжку минулого року?", "Скільки коштував новий міст?",
           "Скільки книжок купила бібліотека минулого року?"),
    "pl": ("Jaki procent dorosłych przeczytał książkę w zeszłym roku?", "Ile kosztował nowy most?",
           "Ile książek kupiła biblioteka w zeszłym roku?"),
    "cs": ("Kolik procent dospělých loni přečetlo knihu?", "Kolik stál nový most?",
           "Kolik knih loni koupila knihovna?"),
    "tr": ("Yetişkinlerin yüzde kaçı geçen yıl kitap okudu?", "Yeni köprü kaça mal oldu?",
           "Kütüphane geçen yıl kaç kitap satın aldı?"),
    "ar": ("ما نسبة البالغين الذين قرأوا كتابا في العام الماضي؟", "كم كلف بناء الجسر الجديد؟",
           "كم كتابا اشترت المكتبة في العام الماضي؟"),
    "he": ("כמה אחוזים מהמבוגרים קראו ספר בשנה שעברה?", "כמה עלה הגשר החדש?",
           "כמה ספרים קנתה הספרייה בשנה שעברה?"),
    "fa": ("چند درصد از بزرگسالان سال گذشته کتاب خواندند؟", "ساخت پل جدید چقدر هزینه داشت؟",
           "کتابخانه سال گذشته چند کتاب خرید؟"),
    "hi": ("पिछले साल कितने प्रतिशत वयस्कों ने किताब पढ़ी?", "नए पुल को बनाने में कितना खर्च हुआ?",
           "पुस्तकालय ने पिछले साल कितनी किताबें खरीदीं?"),
    "id": ("Berapa persen orang dewasa yang membaca buku tahun lalu?", "Berapa biaya pembangunan jembatan baru itu?",
           "Berapa banyak buku yang dibeli perpustakaan tahun lalu?"),
    "ms": ("Berapakah peratusan orang dewasa yang membaca buku tahun lepas?", "Berapakah kos pembinaan jambatan baharu itu?",
           "Berapakah bilangan buku yang dibeli oleh perpustakaan tahun lepas?"),
    "vi": ("Bao nhiêu phần trăm người lớn đã đọc sách vào năm ngoái?", "Cây cầu mới tốn bao nhiêu tiền?",
           "Thư viện đã mua bao nhiêu cuốn sách vào năm ngoái?"),
    "th": ("ผู้ใหญ่กี่เปอร์เซ็นต์อ่านหนังสือเมื่อปีที่แล้ว", "สะพานแห่งใหม่ใช้เงินเท่าไร",
           "ห้องสมุดซื้อหนังสือกี่เล่มเมื่อปีที่แล้ว"),
    "sv": ("Hur många procent av de vuxna läste en bok förra året?", "Hur mycket kostade den nya bron?",
           "Hur många böcker köpte biblioteket förra året?"),
    "da": ("Hvor mange procent af de voksne læste en bog sidste år?", "Hvor meget kostede den nye bro?",
           "Hvor mange bøger købte biblioteket sidste år?"),
    "nb": ("Hvor mange prosent av de voksne leste en bok i fjor?", "Hvor mye kostet den nye brua?",
           "Hvor mange bøker kjøpte biblioteket i fjor?"),
    "fi": ("Kuinka monta prosenttia aikuisista luki kirjan viime vuonna?", "Kuinka paljon uusi silta maksoi?",
           "Kuinka monta kirjaa kirjasto osti viime vuonna?"),
    "el": ("Τι ποσοστό των ενηλίκων διάβασε ένα βιβλίο πέρσι;", "Πόσο κόστισε η νέα γέφυρα;",
           "Πόσα βιβλία αγόρασε η βιβλιοθήκη πέρσι;"),
    "ro": ("Ce procent dintre adulți au citit o carte anul trecut?", "Cât a costat noul pod?",
           "Câte cărți a cumpărat biblioteca anul trecut?"),
    "hu": ("A felnőttek hány százaléka olvasott könyvet tavaly?", "Mennyibe került az új híd?",
           "Hány könyvet vásárolt a könyvtár tavaly?"),
}


def test_every_glossed_language_has_its_questions():
    from orchestrator.lexicon import SUPPORTED

    assert sorted(QUESTIONS) == sorted(set(SUPPORTED) - {"en", "zh"})


@pytest.mark.parametrize("code", sorted(QUESTIONS))
def test_the_unit_asked_is_read_in_every_language(code):
    percent, money, count = QUESTIONS[code]
    assert asked_unit(reading(percent, code)) == "percent", reading(percent, code)
    assert asked_unit(reading(money, code)) == "money", reading(money, code)
    assert asked_unit(reading(count, code)) is None, reading(count, code)


@pytest.mark.parametrize("code, question", [
    ("fr", "Qui a remporté le prix Goncourt cette année ?"),
    ("de", "Wer hat den Preis gewonnen?"),
    ("nl", "Wie heeft de prijs gewonnen?"),
    ("sv", "Vem vann priset i år?"),
    ("da", "Hvem vandt prisen i år?"),
    ("nb", "Hvem vant prisen i år?"),
    ("cs", "Kdo získal cenu za nejlepší film?"),
])
def test_a_prize_is_no_price(code, question):
    # the same word means price and prize in these languages, and questions here ask about prizes
    assert "price" not in reading(question, code) and asked_unit(reading(question, code)) is None
