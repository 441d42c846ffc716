//! The print page of a slip (`/phieu/{code}/{number}`): the same [`SlipDoc`] as the PDF,
//! laid out for A5 or A4 paper. It is a standalone document with its own small print
//! stylesheet inline, so it prints the same wherever it is opened, and it carries the
//! dossier code as text and a QR code to the public lookup. Server only.

use leptos::prelude::*;

use crate::components::print_button::PrintButton;
use motcua_slip::{Block, Paper, SlipDoc};

const CSS: &str = "
body{font:12pt/1.4 'Times New Roman',Times,serif;color:#000;margin:0;background:#eee}
.sheet{background:#fff;margin:1rem auto;padding:12mm 14mm;box-sizing:border-box;max-width:100%}
.A5{width:148mm;min-height:210mm}.A4{width:210mm;min-height:297mm}
.head{display:flex;justify-content:space-between;gap:1rem;text-align:center}
.head p{margin:0}.agency{font-weight:700;text-transform:uppercase;max-width:45%}
.nation{font-weight:700}.motto{text-decoration:underline}
.form-no{text-align:right;font-size:10pt;margin:.5rem 0 0}
.title-row{display:flex;align-items:center;gap:1rem;margin:1rem 0}
.title-row div{flex:1;text-align:center}
h1{font-size:14pt;margin:0}.code{margin:.25rem 0 0;font-size:13pt}
.qr{width:25mm;height:25mm;flex:none}.qr svg{width:100%;height:100%}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .75rem;margin:.5rem 0}
dt{font-weight:700}dd{margin:0}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:11pt}
th,td{border:1px solid #000;padding:2px 4px;text-align:left;vertical-align:top}
h2{font-size:12pt;margin:.75rem 0 .25rem}
.sign{margin-top:1.5rem;text-align:right}.sign .date{font-style:italic}
.sign .role{font-weight:700;margin-top:.25rem}.sign .name{margin-top:18mm;font-weight:700}
.tools{max-width:210mm;margin:1rem auto;display:flex;gap:1rem;font:1rem system-ui,sans-serif}
.tools a,.tools button{min-height:44px;padding:.5rem 1rem;font:inherit}
@media print{body{background:#fff}.sheet{margin:0;padding:0;width:auto;min-height:0}.tools{display:none}}
@page{margin:12mm}
";

fn block_view(b: Block) -> AnyView {
    match b {
        Block::Heading(h) => view! { <h2>{h}</h2> }.into_any(),
        Block::Paragraph(p) => view! { <p>{p}</p> }.into_any(),
        Block::Fields(f) => view! {
            <dl>{f.into_iter().map(|(k, v)| view! { <dt>{k}":"</dt><dd>{v}</dd> }).collect_view()}</dl>
        }
        .into_any(),
        Block::Numbered(items) => view! {
            <ol>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ol>
        }
        .into_any(),
        Block::Table { headers, rows } => view! {
            <table>
                <thead><tr>{headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                <tbody>{rows.into_iter().map(|r| view! {
                    <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                }).collect_view()}</tbody>
            </table>
        }
        .into_any(),
    }
}

/// The whole HTML document of a slip. `pdf_href` is the PDF of the same slip; a guest's
/// `proof` (the access code they posted) is posted on to it by a button instead of a link.
pub fn slip_html(doc: SlipDoc, pdf_href: String, proof: Option<String>) -> String {
    let paper = match doc.paper {
        Paper::A5 => "sheet A5",
        Paper::A4 => "sheet A4",
    };
    let qr = doc
        .qr_url
        .as_deref()
        .map(|u| view! { <div class="qr" role="img" aria-label=format!("QR: {u}") inner_html=motcua_slip::qr_svg(u)></div> });
    let code = doc
        .dossier_code
        .clone()
        .map(|c| view! { <p class="code">"Mã hồ sơ: "<strong>{c}</strong></p> });
    let signer = doc.signer.clone().map(|s| {
        view! { <p class="role">{s.role}</p><p class="name">{s.name}</p> }
    });
    let (nation, motto) = motcua_slip::NATIONAL_HEADING;
    let title = doc.title.clone();
    let body = view! {
        <!DOCTYPE html>
        <html lang="vi">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <title>{title.clone()}</title>
                <link rel="icon" href="/favicon.ico" sizes="32x32"/>
                <style>{CSS}</style>
            </head>
            <body>
                <div class="tools">
                    <PrintButton label="In phiếu"/>
                    {match proof {
                        None => view! { <a href=pdf_href>"Tải tệp PDF"</a> }.into_any(),
                        Some(proof) => view! {
                            <form method="post" action=pdf_href>
                                <input type="hidden" name="giay_to" value=proof/>
                                <button type="submit">"Tải tệp PDF"</button>
                            </form>
                        }
                        .into_any(),
                    }}
                </div>
                <article class=paper>
                    <div class="head">
                        <p class="agency">{doc.agency}</p>
                        <div><p class="nation">{nation}</p><p class="motto">{motto}</p></div>
                    </div>
                    <p class="form-no">{doc.form_number}</p>
                    <div class="title-row">
                        <div><h1>{title}</h1>{code}</div>
                        {qr}
                    </div>
                    {doc.blocks.into_iter().map(block_view).collect_view()}
                    <div class="sign">
                        <p class="date">{doc.place_date}</p>
                        {signer}
                    </div>
                </article>
            </body>
        </html>
    };
    body.to_html()
}
