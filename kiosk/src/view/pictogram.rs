//! Which pictogram a purpose, a service, a need or a bar control shows. Plain data: `ui::icons`
//! draws them with egui's painter.

use crate::flow::Need;

/// A pictogram the screens draw next to a label (never instead of it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pictogram {
    /// A card handed over.
    Pickup,
    /// A form and a pen.
    Apply,
    /// A lightning bolt.
    Express,
    /// A key (the card's electronic certificates).
    Certificate,
    /// A card with a pencil (details written on the card's face).
    CardUpdate,
    /// A keypad.
    Pin,
    /// A globe.
    Overseas,
    /// A magnifying glass over a card.
    Lost,
    /// A speech bubble with a question mark.
    Question,
    /// A braille cell.
    Braille,
    Wheelchair,
    /// A pencil on paper.
    Writing,
    /// Two speech bubbles.
    Interpreter,
    /// A raised hand.
    Help,
    /// Three dots.
    Other,
    /// A calendar page with a tick (a booked slot).
    Reservation,
    Back,
    Language,
    LargeText,
    LowReach,
    CallStaff,
}

impl Pictogram {
    /// Every pictogram, in declaration order.
    pub const ALL: [Pictogram; 21] = {
        use Pictogram::*;
        [
            Pickup,
            Apply,
            Express,
            Certificate,
            CardUpdate,
            Pin,
            Overseas,
            Lost,
            Question,
            Braille,
            Wheelchair,
            Writing,
            Interpreter,
            Help,
            Other,
            Reservation,
            Back,
            Language,
            LargeText,
            LowReach,
            CallStaff,
        ]
    };

    /// The pictogram of a purpose, by its locale key.
    pub fn of_purpose(label: &str) -> Option<Pictogram> {
        Some(match label {
            "purpose-pickup" => Pictogram::Pickup,
            "purpose-apply" => Pictogram::Apply,
            "purpose-express" => Pictogram::Express,
            "purpose-ecert" => Pictogram::Certificate,
            "purpose-face" => Pictogram::CardUpdate,
            "purpose-pin" => Pictogram::Pin,
            "purpose-overseas" => Pictogram::Overseas,
            "purpose-lost" => Pictogram::Lost,
            "purpose-inquiry" => Pictogram::Question,
            _ => return None,
        })
    }

    /// The pictogram of a ticket a guidance screen offers, by service id.
    pub fn of_service(service: &str) -> Option<Pictogram> {
        Some(match service {
            "pickup" => Pictogram::Pickup,
            "apply" | "form" | "assist" | "online" => Pictogram::Apply,
            "express" => Pictogram::Express,
            "ecert" => Pictogram::Certificate,
            "face" => Pictogram::CardUpdate,
            "pin" => Pictogram::Pin,
            "overseas" => Pictogram::Overseas,
            "inquiry" => Pictogram::Question,
            _ => return None,
        })
    }

    pub fn of_need(need: Need) -> Pictogram {
        match need {
            Need::Braille => Pictogram::Braille,
            Need::Wheelchair => Pictogram::Wheelchair,
            Need::Written => Pictogram::Writing,
            Need::Interpreter => Pictogram::Interpreter,
            Need::Help => Pictogram::Help,
            Need::Other => Pictogram::Other,
        }
    }
}
