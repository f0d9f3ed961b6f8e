//! A key-value store in memory, and a wrapper that makes another store's writes fail on purpose.
//!
//! [`MemoryStore`] stands in when the browser refuses storage (drafts then live as long as the
//! tab). [`Faulty`] lets tests, native and in the browser, reproduce full quotas, disabled
//! storage and flaky writes deterministically.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use crate::store::{KeyValue, StoreError};

#[derive(Default)]
pub struct MemoryStore {
    map: RefCell<BTreeMap<String, String>>,
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.map.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.map.borrow_mut().insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.map.borrow().keys().cloned().collect())
    }
}

/// When a [`Faulty`] store refuses a write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Every write fails with this error.
    Always(StoreError),
    /// A write fails as a full quota when the store would then hold more than this many bytes
    /// (keys and values, UTF-16 as browsers count).
    AboveBytes(usize),
    /// Every n-th write fails with a refusal; the others succeed.
    EveryNth(u32),
    /// Writes succeed but read back something else, as a broken storage layer might.
    DropWrites,
}

pub struct Faulty<S> {
    inner: S,
    fault: RefCell<Option<Fault>>,
    writes: Cell<u32>,
}

impl<S: KeyValue> Faulty<S> {
    pub fn new(inner: S, fault: Fault) -> Faulty<S> {
        Faulty { inner, fault: RefCell::new(Some(fault)), writes: Cell::new(0) }
    }

    /// Changes the fault; `None` makes the store healthy again.
    pub fn set_fault(&self, fault: Option<Fault>) {
        *self.fault.borrow_mut() = fault;
    }

    fn bytes_after(&self, key: &str, value: &str) -> Result<usize, StoreError> {
        let utf16 = |s: &str| 2 * s.encode_utf16().count();
        let mut total = 0;
        for existing in self.inner.keys()? {
            if existing != key {
                total += utf16(&existing) + self.inner.get(&existing)?.map_or(0, |v| utf16(&v));
            }
        }
        Ok(total + utf16(key) + utf16(value))
    }
}

impl<S: KeyValue> KeyValue for Faulty<S> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let count = self.writes.get() + 1;
        self.writes.set(count);
        match self.fault.borrow().clone() {
            Some(Fault::Always(error)) => Err(error),
            Some(Fault::AboveBytes(limit)) if self.bytes_after(key, value)? > limit => Err(StoreError::QuotaExceeded),
            Some(Fault::EveryNth(n)) if n > 0 && count.is_multiple_of(n) => {
                Err(StoreError::Refused("a simulated intermittent failure".into()))
            }
            Some(Fault::DropWrites) => Ok(()),
            _ => self.inner.set(key, value),
        }
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}
