use super::*;

#[test]
fn masking_keeps_only_the_last_three_characters() {
    assert_eq!(masked("001090012345"), "*********345");
    assert_eq!(masked("12"), "12");
    assert_eq!(masked(""), "");
}

#[test]
fn errors_never_quote_the_value() {
    let e = IdNumber::parse("001090012").unwrap_err();
    assert!(!e.to_string().contains("001090012"));
}

#[test]
fn serde_reads_the_text_and_revalidates_it() {
    let code: DossierCode = serde_json::from_str("\"000.00.06.H56-251122-0001\"").unwrap();
    assert_eq!(code, "000.00.06.H56-251122-0001");
    assert_eq!(
        serde_json::to_string(&code).unwrap(),
        "\"000.00.06.H56-251122-0001\""
    );
    assert!(serde_json::from_str::<DossierCode>("\"nonsense\"").is_err());
    assert!(serde_json::from_str::<AgencyCode>("\"000.00.06\"").is_err());
    assert!(serde_json::from_str::<Phone>("\"12345\"").is_err());
    assert!(serde_json::from_str::<IdNumber>("\"12345\"").is_err());
    let phone: Phone = serde_json::from_str("\"0912345678\"").unwrap();
    assert_eq!(serde_json::to_string(&phone).unwrap(), "\"0912345678\"");
}
