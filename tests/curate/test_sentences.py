"""lib.curate.sentences: sentences by language, each with its offsets in the text."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.curate import reading
from lib.curate.sentences import Sentence, split
from tests.conftest import ROOT


@pytest.mark.parametrize("text, language, sentences", [
    ("The U.S. market grew 1.5% to $3.7 billion. Mr. Altman said so.", "en",
     ["The U.S. market grew 1.5% to $3.7 billion.", "Mr. Altman said so."]),
    ("OpenAI lost $5 billion! Is it over? No.", "en", ["OpenAI lost $5 billion!", "Is it over?", "No."]),
    ("Revenue was $3.7bn vs. $2bn in 2023. It grew.", "en", ["Revenue was $3.7bn vs. $2bn in 2023.", "It grew."]),
    ("Nvidia Corp. and OpenAI Inc. agreed. It's done.", "en", ["Nvidia Corp. and OpenAI Inc. agreed.", "It's done."]),
    ("He said \"It is over.\" Then left.", "en", ["He said \"It is over.\"", "Then left."]),
    ("in revenue.Server rental costs: high.", "en", ["in revenue.", "Server rental costs: high."]),  # a lost space
    ("ChatGPT.com and x.ai exist. Yes.", "en", ["ChatGPT.com and x.ai exist.", "Yes."]),
    ("A heading\nThe text. More.\n\nLast", "en", ["A heading", "The text.", "More.", "Last"]),  # a line break ends one
    ("Le déficit atteint 3,7 milliards. M. Altman le dit.", "fr", ["Le déficit atteint 3,7 milliards.", "M. Altman le dit."]),
    ("La perte est de 1,5 milliard de dollars ! Est-ce la fin ? Non.", "fr",
     ["La perte est de 1,5 milliard de dollars !", "Est-ce la fin ?", "Non."]),
    ("OpenAI Inc. a perdu 5 milliards. C'est beaucoup.", "fr", ["OpenAI Inc. a perdu 5 milliards.", "C'est beaucoup."]),
    ("Il a dit : « C'est fini. » Puis il part.", "fr", ["Il a dit : « C'est fini. » Puis il part."]),
    ("Les coûts, etc. montent. Ils montent.", "fr", ["Les coûts, etc. montent.", "Ils montent."]),
    ("유저수가 1.7억명에서 1.5억명으로 줄었다. 적자는 5억달러다.", "ko", ["유저수가 1.7억명에서 1.5억명으로 줄었다.", "적자는 5억달러다."]),
    ("하루에 70만 달러를 씁니다. 정말요? 네, 그래요.", "ko", ["하루에 70만 달러를 씁니다.", "정말요?", "네, 그래요."]),
    ("그는 \"투자하겠다. 확실하다.\"라고 말했다. 주가가 올랐다.", "ko", ["그는 \"투자하겠다. 확실하다.\"라고 말했다.", "주가가 올랐다."]),
    ("U.S. 정부는 3.5% 올렸다. 달러는 1,300원이다.", "ko", ["U.S. 정부는 3.5% 올렸다.", "달러는 1,300원이다."]),
    ("설립하였습니다.이로인해 경쟁자가 많아졌다", "ko", ["설립하였습니다.", "이로인해 경쟁자가 많아졌다"]),
    ("", "en", []),
    (" \n \n", "ko", []),
])
def test_split(text, language, sentences):
    found = split(text, language)
    assert [s.text for s in found] == sentences
    assert [text[s.start:s.end] for s in found] == sentences


def test_offsets_are_in_the_whole_text():
    assert split("  One.  Two!\n\n Three?", "en") == [Sentence("One.", 2, 6), Sentence("Two!", 8, 12), Sentence("Three?", 15, 21)]


def test_a_repeated_sentence_keeps_its_own_offsets():
    assert split("Same. Same.\nSame.", "en") == [Sentence("Same.", 0, 5), Sentence("Same.", 6, 11), Sentence("Same.", 12, 17)]


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language 'de'; expected one of en, ko, fr"):
        split("Hallo.", "de")


# The stored articles' sentence ends, listed by hand from reading them (a paragraph of each that shows its rules).
@pytest.mark.parametrize("file, language, paragraph, sentences", [
    ("001_7cb1e7e9e4dfd3cd.txt", "ko", "한편, 윈도우 거대 기업",
     ["한편, 윈도우 거대 기업 마이크로소프트는 이러한 초기 투자를 바탕으로 AI 분야의 세계적인 선두주자로 부상했습니다.",
      "마이크로소프트는 이 유명 AI 스타트업에 총 130억 달러 이상을 투자했습니다."]),
    ("001_7cb1e7e9e4dfd3cd.txt", "ko", "마이크로소프트가 그 중",
     ["마이크로소프트가 그 중 10억 달러를 투자한 것으로 알려졌으며, 라운드 이후 OpenAI의 가치는 1,570억 달러로 추산됩니다."]),
    ("003_b33c1ca5114b02ac.txt", "ko", "전세계에 깔린",
     ["전세계에 깔린 애플 모바일 기기는 약 20억대로 추산된다.", "구글은 30억대 생태계의 안드로이드 운영체제를 보유하고 있다.",
      "여기에 제미나이가 기본 탑재된다면 챗GPT의 성장엔 한계가 있을 수밖에 없다."]),
    ("003_b33c1ca5114b02ac.txt", "ko", "WSJ는 “이 투자는",
     ["WSJ는 “이 투자는 빠른 속도로 진척될 것으로 전망됐지만, 초기 협상 단계에서 진전을 보이지 못하고 있다”고 전했다."]),
    ("004_7f9be757b3d4b38a.txt", "fr", "Il faut savoir que",
     ["Il faut savoir que chaque jour qui passe, OpenAI enregistre un coût de 700 000 dollars pour le fonctionnement de ses "
      "serveurs dédiés à l’IA.", "Et, dites-vous que ceci n’est qu’une infime partie des pertes\u00a0!",
      "Le gros des investissements viendrait de la formation des modèles d’IA qui est un véritable enjeu stratégique pour tous "
      "les acteurs dans un tel secteur concurrentiel.", "OpenAI y investirait au moins 7 milliards de dollars pour développer son IA.",
      "À ceci, il faut également ajouter près de 1,5 milliard de dollars de coût du personnel."]),
    ("002_ab2e4416028fa48c.txt", "en", "The primary driver",
     ["The primary driver behind OpenAI's financial struggles is the exorbitant cost of developing and running advanced AI models.",
      "According to recent reports, the company is projected to see a staggering loss of approximately $5 billion in 2024, "
      "despite expectations of generating $3.7 billion in revenue.",
      "Server rental costs: OpenAI relies heavily on rented computing power from Microsoft, which comes at a significant cost.",
      "The company is estimated to spend nearly $4 billion on server rentals in 2024 alone."]),
])
def test_stored_article_paragraphs(file, language, paragraph, sentences):
    text = reading.read((ROOT / "data" / "sources" / file).read_bytes(), file)
    [line] = [line for line in text.split("\n") if line.startswith(paragraph)]
    assert [s.text for s in split(line, language)] == sentences


PIECES = st.sampled_from(["a", "B", " ", "  ", "\n", "\n\n", "\u00a0", ".", "!", "?", "…", '"', "“", "”", "«", "»", "(", ")",
                          "1.5", "3,7", "U.S.", "Mr.", "다.", "요?", "억", "$5", "e.g.", "x.ai", "Inc.", "..."])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join), st.sampled_from(["en", "ko", "fr"]))
def test_sentences_are_the_texts_own_words_in_order(text, language):
    found = split(text, language)
    assert all(s.text == text[s.start:s.end] and s.text == s.text.strip() and s.text for s in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    ends = [0, *(edge for s in found for edge in (s.start, s.end)), len(text)]
    assert all(not text[a:b].strip() for a, b in zip(ends[::2], ends[1::2]))  # nothing but whitespace between them


@pytest.mark.parametrize("text, expected", [
    (" !!", [Sentence("!!", 1, 3)]),  # pysbd drops punctuation alone; it stays a sentence of its own
    ("It fell. !!", [Sentence("It fell.", 0, 8), Sentence("!!", 9, 11)]),
])
def test_text_the_segmenter_drops_is_kept(text, expected):
    assert split(text, "en") == expected
