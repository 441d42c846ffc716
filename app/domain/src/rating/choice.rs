//! The answers of the rating's questions, each a closed list with a stable code: the code is
//! what the form posts and the database stores, so it never changes once released.

/// A question's closed list of answers.
pub trait Choice: Copy + Sized + 'static {
    /// Every answer, from the worst to the best (the form's order).
    const ALL: &'static [Self];

    /// The answer's stable code.
    fn code(self) -> &'static str;

    /// The answer with `code`, if there is one.
    fn parse(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|a| a.code() == code)
    }
}

/// Overall satisfaction, five levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Satisfaction {
    VeryDissatisfied,
    Dissatisfied,
    Neutral,
    Satisfied,
    VerySatisfied,
}

impl Satisfaction {
    /// Whether the indicators count this as satisfied (the top two levels).
    pub fn is_satisfied(self) -> bool {
        self >= Satisfaction::Satisfied
    }

    /// Whether the indicators count this as dissatisfied (the bottom two levels).
    pub fn is_dissatisfied(self) -> bool {
        self <= Satisfaction::Dissatisfied
    }
}

impl Choice for Satisfaction {
    const ALL: &'static [Self] = &[
        Satisfaction::VeryDissatisfied,
        Satisfaction::Dissatisfied,
        Satisfaction::Neutral,
        Satisfaction::Satisfied,
        Satisfaction::VerySatisfied,
    ];
    fn code(self) -> &'static str {
        match self {
            Satisfaction::VeryDissatisfied => "very-dissatisfied",
            Satisfaction::Dissatisfied => "dissatisfied",
            Satisfaction::Neutral => "neutral",
            Satisfaction::Satisfied => "satisfied",
            Satisfaction::VerySatisfied => "very-satisfied",
        }
    }
}

/// When the result came, as the citizen saw it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timeliness {
    Late,
    OnTime,
    Early,
}

impl Choice for Timeliness {
    const ALL: &'static [Self] = &[Timeliness::Late, Timeliness::OnTime, Timeliness::Early];
    fn code(self) -> &'static str {
        match self {
            Timeliness::Late => "late",
            Timeliness::OnTime => "on-time",
            Timeliness::Early => "early",
        }
    }
}

/// How many times the citizen had to come or get in touch to get the result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Contacts {
    ThreeOrMore,
    Two,
    One,
}

impl Choice for Contacts {
    const ALL: &'static [Self] = &[Contacts::ThreeOrMore, Contacts::Two, Contacts::One];
    fn code(self) -> &'static str {
        match self {
            Contacts::ThreeOrMore => "three-or-more",
            Contacts::Two => "two",
            Contacts::One => "one",
        }
    }
}

/// A three-level judgement: the officers' attitude, transparency, the online service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quality {
    Poor,
    Acceptable,
    Good,
}

impl Choice for Quality {
    const ALL: &'static [Self] = &[Quality::Poor, Quality::Acceptable, Quality::Good];
    fn code(self) -> &'static str {
        match self {
            Quality::Poor => "poor",
            Quality::Acceptable => "acceptable",
            Quality::Good => "good",
        }
    }
}
