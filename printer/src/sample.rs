//! Sample tickets in every kiosk language, for the sample example, the tests here and an
//! installer's test print. The strings are what the kiosk would pass: already localized.

use crate::TicketLayout;

/// Languages the kiosk offers (BCP 47).
pub const LANGUAGES: [&str; 11] = [
    "ja", "ja-easy", "en", "zh-Hans", "zh-Hant", "ko", "vi", "ne", "tl", "id", "pt",
];

/// Localized strings of one sample: service, people ahead, wait, documents title,
/// documents, need, QR caption, footer.
struct Strings {
    service: &'static str,
    ahead: &'static str,
    eta: &'static str,
    docs_title: &'static str,
    docs: [&'static str; 3],
    need: &'static str,
    caption: &'static str,
    footer: &'static str,
}

fn strings(lang: &str) -> Option<Strings> {
    let s = match lang {
        "ja" => Strings {
            service: "マイナンバーカードの受け取り",
            ahead: "お待ちの方: 4人",
            eta: "待ち時間の目安: 約10〜20分",
            docs_title: "ご用意ください:",
            docs: [
                "交付通知書（はがき）",
                "本人確認書類（運転免許証など）",
                "通知カード・住民基本台帳カード（お持ちの方）",
            ],
            need: "車いす",
            caption: "読み取ると呼び出し状況を確認できます",
            footer: "番号が呼ばれたら窓口へお越しください。",
        },
        "ja-easy" => Strings {
            service: "マイナンバーカードを もらう",
            ahead: "あなたの まえに 4にん います",
            eta: "まつ じかん: やく 10〜20ふん",
            docs_title: "もって きて ください:",
            docs: [
                "はがき（交付通知書）",
                "あなたの ことが わかる もの（在留カード など）",
                "通知カード（もって いる ひと）",
            ],
            need: "車いす",
            caption: "スマートフォンで よみとると、じゅんばんが わかります",
            footer: "ばんごうが よばれたら まどぐちへ きて ください。",
        },
        "en" => Strings {
            service: "Pick up your My Number Card",
            ahead: "People waiting before you: 4",
            eta: "Estimated wait: about 10–20 min",
            docs_title: "Please have ready:",
            docs: [
                "The notification postcard (交付通知書)",
                "Photo ID (residence card, driver's licence…)",
                "Your old Notification Card, if you have one",
            ],
            need: "Wheelchair",
            caption: "Scan to see your place in the queue",
            footer: "When your number is called, please come to the counter.",
        },
        "zh-Hans" => Strings {
            service: "领取个人编号卡",
            ahead: "您前面还有 4 人",
            eta: "预计等候时间：约 10–20 分钟",
            docs_title: "请准备好：",
            docs: [
                "交付通知书（明信片）",
                "身份证明文件（在留卡、驾照等）",
                "通知卡（如持有）",
            ],
            need: "轮椅",
            caption: "扫描二维码查看排队进度",
            footer: "叫到您的号码时，请到窗口办理。",
        },
        "zh-Hant" => Strings {
            service: "領取個人編號卡",
            ahead: "您前面還有 4 人",
            eta: "預計等候時間：約 10–20 分鐘",
            docs_title: "請準備好：",
            docs: [
                "交付通知書（明信片）",
                "身分證明文件（在留卡、駕照等）",
                "通知卡（如持有）",
            ],
            need: "輪椅",
            caption: "掃描QR碼查看排隊進度",
            footer: "叫到您的號碼時，請到窗口辦理。",
        },
        "ko" => Strings {
            service: "마이넘버 카드 수령",
            ahead: "앞 대기 인원: 4명",
            eta: "예상 대기 시간: 약 10~20분",
            docs_title: "준비해 주세요:",
            docs: [
                "교부 통지서(엽서)",
                "본인 확인 서류(재류카드, 운전면허증 등)",
                "통지 카드(가지고 계신 분)",
            ],
            need: "휠체어",
            caption: "스캔하면 대기 순서를 확인할 수 있습니다",
            footer: "번호가 호출되면 창구로 와 주십시오.",
        },
        "vi" => Strings {
            service: "Nhận thẻ My Number",
            ahead: "Người đang chờ trước bạn: 4",
            eta: "Thời gian chờ dự kiến: khoảng 10–20 phút",
            docs_title: "Hãy chuẩn bị sẵn:",
            docs: [
                "Bưu thiếp thông báo nhận thẻ (交付通知書)",
                "Giấy tờ tùy thân có ảnh (thẻ lưu trú, bằng lái xe…)",
                "Thẻ thông báo cũ (nếu có)",
            ],
            need: "Xe lăn",
            caption: "Quét mã để xem lượt của bạn",
            footer: "Khi số của bạn được gọi, hãy đến quầy.",
        },
        "ne" => Strings {
            service: "माइ नम्बर कार्ड लिने",
            ahead: "तपाईंभन्दा अगाडि पर्खिरहेका: 4 जना",
            eta: "अनुमानित पर्खाइ: लगभग 10–20 मिनेट",
            docs_title: "कृपया तयार राख्नुहोस्:",
            docs: [
                "कार्ड वितरण सूचना पोस्टकार्ड (交付通知書)",
                "फोटो भएको परिचय पत्र (निवास कार्ड, सवारी चालक अनुमतिपत्र आदि)",
                "पुरानो सूचना कार्ड (भए मात्र)",
            ],
            need: "ह्वीलचेयर",
            caption: "लाइनमा तपाईंको पालो हेर्न स्क्यान गर्नुहोस्",
            footer: "तपाईंको नम्बर बोलाइएपछि काउन्टरमा आउनुहोस्।",
        },
        "tl" => Strings {
            service: "Pagkuha ng My Number Card",
            ahead: "Mga naghihintay bago ka: 4",
            eta: "Tinatayang paghihintay: mga 10–20 minuto",
            docs_title: "Pakihanda ang:",
            docs: [
                "Ang postcard na abiso (交付通知書)",
                "ID na may larawan (residence card, lisensya sa pagmamaneho…)",
                "Ang lumang Notification Card, kung mayroon",
            ],
            need: "Wheelchair",
            caption: "I-scan para makita ang iyong puwesto sa pila",
            footer: "Kapag tinawag ang iyong numero, pumunta po sa counter.",
        },
        "id" => Strings {
            service: "Pengambilan Kartu My Number",
            ahead: "Orang yang menunggu sebelum Anda: 4",
            eta: "Perkiraan waktu tunggu: sekitar 10–20 menit",
            docs_title: "Harap siapkan:",
            docs: [
                "Kartu pos pemberitahuan (交付通知書)",
                "Kartu identitas berfoto (kartu izin tinggal, SIM…)",
                "Kartu Notifikasi lama, jika ada",
            ],
            need: "Kursi roda",
            caption: "Pindai untuk melihat giliran Anda dalam antrean",
            footer: "Jika nomor Anda dipanggil, silakan datang ke loket.",
        },
        "pt" => Strings {
            service: "Retirada do cartão My Number",
            ahead: "Pessoas na sua frente: 4",
            eta: "Espera estimada: cerca de 10–20 min",
            docs_title: "Tenha em mãos:",
            docs: [
                "O cartão-postal de aviso (交付通知書)",
                "Documento com foto (cartão de residente, carteira de motorista…)",
                "O antigo Cartão de Notificação, se tiver",
            ],
            need: "Cadeira de rodas",
            caption: "Escaneie para ver sua posição na fila",
            footer: "Quando seu número for chamado, dirija-se ao guichê.",
        },
        _ => return None,
    };
    Some(s)
}

/// A card-pickup ticket in `lang` (one of [`LANGUAGES`]), or `None` for another language.
pub fn ticket(lang: &str) -> Option<TicketLayout> {
    let s = strings(lang)?;
    let japanese = lang.starts_with("ja");
    let need = if japanese {
        s.need.to_owned()
    } else {
        format!("車いす / {}", s.need)
    };
    Some(TicketLayout {
        lang: lang.to_owned(),
        site_name: "八幡西区役所 市民課".to_owned(),
        area: "1F マイナンバーカード窓口".to_owned(),
        number: "A-023".to_owned(),
        service_local: s.service.to_owned(),
        service_ja: "マイナンバーカードの受け取り".to_owned(),
        issued_at: "2026-11-25 09:41".to_owned(),
        people_ahead: s.ahead.to_owned(),
        eta: s.eta.to_owned(),
        documents_title: s.docs_title.to_owned(),
        documents: s.docs.iter().map(|d| (*d).to_owned()).collect(),
        needs: vec![need],
        qr_url: "https://madoguchi.example.jp/t/7Q2K9X4M".to_owned(),
        qr_caption: s.caption.to_owned(),
        footer: s.footer.to_owned(),
    })
}

/// Every sample string of `lang` in one list, for glyph-coverage checks.
pub fn strings_of(lang: &str) -> Vec<String> {
    ticket(lang).map_or_else(Vec::new, |t| {
        let mut all = vec![
            t.site_name,
            t.area,
            t.number,
            t.service_local,
            t.service_ja,
            t.issued_at,
            t.people_ahead,
            t.eta,
            t.documents_title,
            t.qr_caption,
            t.footer,
        ];
        all.extend(t.documents);
        all.extend(t.needs);
        all
    })
}
