//! The needs a visitor can mark on the confirm screen; they travel on the ticket.

use madoguchi_protocol::Needs;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Need {
    /// 点字記名用の交付申請書.
    Braille,
    Wheelchair,
    /// 筆談.
    Written,
    Interpreter,
    Help,
    /// Something else the visitor will explain at the counter (no free text is stored).
    Other,
}

impl Need {
    pub const ALL: [Need; 6] = [
        Need::Braille,
        Need::Wheelchair,
        Need::Written,
        Need::Interpreter,
        Need::Help,
        Need::Other,
    ];

    /// Locale key of its label.
    pub fn key(self) -> &'static str {
        match self {
            Need::Braille => "need-braille",
            Need::Wheelchair => "need-wheelchair",
            Need::Written => "need-written",
            Need::Interpreter => "need-interpreter",
            Need::Help => "need-help",
            Need::Other => "need-other",
        }
    }

    fn slot(self, needs: &mut Needs) -> &mut bool {
        match self {
            Need::Braille => &mut needs.braille_form,
            Need::Wheelchair => &mut needs.wheelchair,
            Need::Written => &mut needs.written,
            Need::Interpreter => &mut needs.interpreter,
            Need::Help => &mut needs.help,
            Need::Other => &mut needs.other,
        }
    }

    pub fn is_set(self, needs: &Needs) -> bool {
        let mut copy = *needs;
        *self.slot(&mut copy)
    }

    pub fn toggle(self, needs: &mut Needs) {
        let slot = self.slot(needs);
        *slot = !*slot;
    }
}
