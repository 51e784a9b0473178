import Foundation

/// The fields of a product to change; nil leaves a field as it is.
public struct ProductEdit: Sendable, Hashable {
    public var name: String?
    public var price: Decimal?
    public var currency: String?
    public var vatExempt: Bool?
    /// Put an archived product back on sale (or archive it).
    public var active: Bool?

    public init(name: String? = nil, price: Decimal? = nil, currency: String? = nil, vatExempt: Bool? = nil, active: Bool? = nil) {
        self.name = name
        self.price = price
        self.currency = currency
        self.vatExempt = vatExempt
        self.active = active
    }

    public var isEmpty: Bool { self == ProductEdit() }
}

/// The company's products (`products.json`): managers change it, everyone reads it. Codes are
/// unique regardless of case.
public struct ProductCatalogue: Codable, Hashable, Sendable {
    public var products: [Product]

    public init(products: [Product] = []) { self.products = products }

    /// The most products a catalogue holds.
    public static let maximumProducts = 10_000

    /// The product with this code, in any case.
    public func product(_ code: String) -> Product? {
        let wanted = code.lowercased()
        return products.first { $0.code.lowercased() == wanted }
    }

    /// The catalogue with `product` added, or why not.
    public func adding(_ product: Product) -> Result<ProductCatalogue, Refusal> {
        if let problem = product.violation { return .failure(Refusal(problem)) }
        if self.product(product.code) != nil { return .failure(Refusal(.productExists(code: product.code))) }
        guard products.count < Self.maximumProducts else { return .failure(Refusal(.tooManyProducts(limit: Self.maximumProducts))) }
        var next = self
        next.products.append(product)
        return .success(next)
    }

    /// The catalogue with product `code` changed by `edit`, or why not.
    public func editing(_ code: String, _ edit: ProductEdit) -> Result<ProductCatalogue, Refusal> {
        guard let index = products.firstIndex(where: { $0.code.lowercased() == code.lowercased() }) else {
            return .failure(Refusal(.unknownProduct(code: code)))
        }
        var product = products[index]
        if let v = edit.name { product.name = v.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let v = edit.price { product.price = v }
        if let v = edit.currency { product.currency = v.uppercased() }
        if let v = edit.vatExempt { product.vatExempt = v }
        if let v = edit.active { product.active = v }
        if let problem = product.violation { return .failure(Refusal(problem)) }
        var next = self
        next.products[index] = product
        return .success(next)
    }

    /// A quote line of product `code` for a deal in `currency`: the catalogue's name and price
    /// unless `price` overrides it. Refused for an unknown or archived product, or one priced in
    /// another currency than the deal's.
    public func line(_ code: String, quantity: Decimal, price: Decimal?, discount: Decimal, currency: String)
        -> Result<QuoteLine, Refusal>
    {
        guard let product = product(code), product.active else { return .failure(Refusal(.unknownProduct(code: code))) }
        guard product.currency == currency.uppercased() else {
            return .failure(Refusal(.productCurrency(code: product.code, currency: product.currency, deal: currency.uppercased())))
        }
        return .success(
            QuoteLine(
                product: product.code, text: product.name, quantity: quantity,
                unitPrice: price ?? product.price, discount: discount, vatExempt: product.vatExempt))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        products = try container.decode([Product].self)
        var seen = Set<String>()
        for product in products where !seen.insert(product.code.lowercased()).inserted {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "product code \(product.code) appears twice")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(products)
    }
}
