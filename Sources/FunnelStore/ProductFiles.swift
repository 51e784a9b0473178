import Foundation
import FunnelCore

/// The product catalogue (R19) in the data directory: `products.json`, `{"schema": 1,
/// "products": [...]}`. Read by everyone; changed under the lock, re-read first.
extension FunnelStore {
    var productsPath: String { root + "/products.json" }

    /// The catalogue; empty when there is no `products.json` yet.
    public func loadProducts() throws -> ProductCatalogue {
        guard isInitialized else { throw StoreError.notInitialized(path: root) }
        guard let data = try AtomicFile.readFile(productsPath, limit: Self.maximumFileBytes)?.data else { return ProductCatalogue() }
        return try FunnelJSON.decode(StoredFile<ProductCatalogue>.self, from: data, path: productsPath).body
    }

    /// Re-reads the catalogue under the lock, lets `change` compute the next one, and saves it;
    /// nothing is written when `change` refuses.
    public func updateProducts(_ change: (ProductCatalogue) -> Result<ProductCatalogue, Refusal>) throws
        -> Result<ProductCatalogue, Refusal>
    {
        try lock.withLock {
            let result = change(try loadProducts())
            if case .success(let next) = result { try writeJSON(StoredFile(body: next), to: productsPath) }
            return result
        }
    }
}
