//! A citizen's filing walked to its documents page without JavaScript, and files posted to
//! it: what the upload tests (`filing.rs`, `uploads.rs`) share.

use super::*;

/// The demo procedure that asks for the most documents.
pub fn procedure_with_most_documents() -> serde_json::Value {
    demo_procedures()
        .into_iter()
        .max_by_key(|p| p["documents"].as_array().unwrap().len())
        .unwrap()
}

/// A filing's documents page, walked to without JavaScript.
pub struct DocumentsPage {
    pub url: String,
    pub html: String,
    /// The draft's token, from the address.
    pub token: String,
    /// The documents it asks for, by id.
    pub docs: Vec<String>,
}

impl DocumentsPage {
    pub async fn open(app: &TestApp, p: &serde_json::Value) -> DocumentsPage {
        let (url, html) = walk_to_documents(app, p).await;
        let token = url.rsplit('/').nth(1).unwrap().to_string();
        let docs = document_inputs(&html);
        DocumentsPage {
            url,
            html,
            token,
            docs,
        }
    }

    /// Uploads `bytes` named `name` for document `doc` ("upload" pressed): the page answered.
    pub async fn upload(&self, app: &TestApp, doc: &str, bytes: Vec<u8>, name: &str) -> String {
        let form = reqwest::multipart::Form::new()
            .text("_action", "upload")
            .part(
                format!("file.{doc}"),
                reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
            );
        let res = app.client.post(&self.url).multipart(form).send().await;
        res.unwrap().text().await.unwrap()
    }
}

/// Walks a filing of procedure `p` to its documents page, without JavaScript: its address
/// and HTML.
pub async fn walk_to_documents(app: &TestApp, p: &serde_json::Value) -> (String, String) {
    let code = p["code"].as_str().unwrap();
    let url = app.start(code).await;
    let html = app
        .client
        .get(&url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let mut res = app.post_form(&url, &applicant_pairs(&html)).await;
    for step in p["form"].as_array().unwrap() {
        let mut pairs = vec![];
        fill(step["fields"].as_array().unwrap(), "", &mut pairs);
        res = app.post_form(res.url().as_str(), &pairs).await;
    }
    let docs_url = res.url().to_string();
    assert!(docs_url.ends_with("/giay-to"), "{docs_url}");
    (docs_url, res.text().await.unwrap())
}
