//! Passphrase encryption of share links through Web Crypto: PBKDF2-HMAC-SHA-256 turns the
//! passphrase into an AES-256-GCM key. `core::share` frames the result; the passphrase never
//! leaves this module.

use igf_core::sharing::link::{ITERATIONS, IV_LEN, SALT_LEN, Sealed, ShareError};
use igf_core::text::i18n::Msg;
use js_sys::{Array, Uint8Array};
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

/// Why a link could not be sealed or opened, in whole sentences.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum CryptoError {
    Unavailable(String),
    WrongPassphrase,
}

impl CryptoError {
    pub fn msg(&self) -> Msg {
        match self {
            CryptoError::Unavailable(detail) => Msg::new("error.crypto.unavailable").arg("detail", detail),
            CryptoError::WrongPassphrase => ShareError::WrongPassphrase.msg(),
        }
    }
}

igf_core::display_in_english!(CryptoError);

fn unavailable(error: JsValue) -> CryptoError {
    CryptoError::Unavailable(super::failure::reason(&error))
}

/// Web Crypto exists only on secure pages (https, localhost), so it is looked up, not assumed.
fn subtle() -> Result<SubtleCrypto, CryptoError> {
    let crypto = web_sys::window().and_then(|w| w.crypto().ok()).ok_or_else(|| CryptoError::Unavailable("no Web Crypto".into()))?;
    js_sys::Reflect::get(&crypto, &"subtle".into())
        .ok()
        .filter(|s| !s.is_undefined())
        .map(JsCast::unchecked_into)
        .ok_or_else(|| CryptoError::Unavailable("Web Crypto needs a secure page".into()))
}

fn random<const N: usize>() -> Result<[u8; N], CryptoError> {
    let mut bytes = [0u8; N];
    let crypto = web_sys::window().and_then(|w| w.crypto().ok()).ok_or_else(|| CryptoError::Unavailable("no Web Crypto".into()))?;
    crypto.get_random_values_with_u8_array(&mut bytes).map_err(unavailable)?;
    Ok(bytes)
}

async fn derive_key(subtle: &SubtleCrypto, passphrase: &str, iterations: u32, salt: &[u8], usage: &str) -> Result<CryptoKey, CryptoError> {
    let raw = Uint8Array::from(passphrase.as_bytes());
    let base = subtle.import_key_with_str("raw", &raw, "PBKDF2", false, &Array::of1(&"deriveKey".into())).map_err(unavailable)?;
    let base: CryptoKey = JsFuture::from(base).await.map_err(unavailable)?.unchecked_into();
    // Byte arrays are copied into JS arrays: a view of wasm memory could move before it is read.
    let params = Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &Uint8Array::from(salt));
    let derived = subtle
        .derive_key_with_object_and_object(&params, &base, &AesDerivedKeyParams::new("AES-GCM", 256), false, &Array::of1(&usage.into()))
        .map_err(unavailable)?;
    Ok(JsFuture::from(derived).await.map_err(unavailable)?.unchecked_into())
}

fn gcm_params(sealed: &Sealed) -> AesGcmParams {
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(&sealed.iv[..]));
    params.set_additional_data_u8_array(&Uint8Array::from(&sealed.header()[..]));
    params
}

/// Encrypts compressed JSON under a passphrase, with a fresh salt and iv.
pub async fn seal(passphrase: &str, plaintext: &[u8]) -> Result<Sealed, CryptoError> {
    let subtle = subtle()?;
    let mut sealed = Sealed { iterations: ITERATIONS, salt: random::<SALT_LEN>()?, iv: random::<IV_LEN>()?, ciphertext: Vec::new() };
    let key = derive_key(&subtle, passphrase, sealed.iterations, &sealed.salt, "encrypt").await?;
    let promise = subtle.encrypt_with_object_and_u8_array(&gcm_params(&sealed), &key, plaintext).map_err(unavailable)?;
    sealed.ciphertext = Uint8Array::new(&JsFuture::from(promise).await.map_err(unavailable)?).to_vec();
    Ok(sealed)
}

/// Decrypts a sealed link. Any change to the link, like a wrong passphrase, fails GCM's check.
pub async fn open(passphrase: &str, sealed: &Sealed) -> Result<Vec<u8>, CryptoError> {
    let subtle = subtle()?;
    let key = derive_key(&subtle, passphrase, sealed.iterations, &sealed.salt, "decrypt").await?;
    let promise = subtle.decrypt_with_object_and_u8_array(&gcm_params(sealed), &key, &sealed.ciphertext).map_err(unavailable)?;
    let plain = JsFuture::from(promise).await.map_err(|_| CryptoError::WrongPassphrase)?;
    Ok(Uint8Array::new(&plain).to_vec())
}
