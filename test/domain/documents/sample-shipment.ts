import type { LineInput, ShipmentDocumentInput } from '../../../src/domain/documents/input.ts';

/**
 * A realistic FOB Ningbo → Los Angeles FCL shipment of small kitchen appliances, as a job would map it from the
 * PO base. Tests copy and tweak it; every number here is worked out by hand in the tests that use it.
 */
export function sampleLines(): LineInput[] {
  return [
    {
      ref: { table: 'Line Items', id: 'recLineKettle0001' },
      sku: 'HM-KT17',
      description: 'Electric kettle, 1.7 L, stainless steel body, 1800 W, 120 V / 60 Hz, UL listed',
      descriptionLocal: '电热水壶 1.7升 不锈钢',
      hsCode: '8516.71.0000',
      countryOfOrigin: 'China',
      quantity: 960,
      unit: 'pcs',
      unitPrice: 12.35,
      unitsPerCarton: 24,
      cartonLengthCm: 60,
      cartonWidthCm: 40,
      cartonHeightCm: 35,
      netKgPerCarton: 18.5,
      grossKgPerCarton: 20.2,
      marks: ['BRIGHTLINE', 'PO 4500012345', 'LOS ANGELES', 'C/NO. 1-125', 'MADE IN CHINA'],
    },
    {
      ref: { table: 'Line Items', id: 'recLineToaster002' },
      sku: 'HM-TS02',
      description: '2-slice toaster, cool-touch housing, 7 browning levels, 850 W',
      hsCode: '8516.72.0000',
      countryOfOrigin: 'CN',
      quantity: 500,
      unit: 'pcs',
      unitPrice: '9.875',
      unitsPerCarton: 20,
      cartonLengthCm: 52.5,
      cartonWidthCm: 38,
      cartonHeightCm: 30,
      netKgPerCarton: 16,
      grossKgPerCarton: 17.25,
      marks: ['BRIGHTLINE', 'PO 4500012345', 'LOS ANGELES', 'C/NO. 1-125', 'MADE IN CHINA'],
    },
    {
      ref: { table: 'Line Items', id: 'recLineMixer00003' },
      sku: 'HM-MX05',
      description: 'Hand mixer, 5 speeds, 250 W, with 2 beaters and 2 dough hooks',
      hsCode: '8509.40.0045',
      countryOfOrigin: 'China',
      quantity: 1200,
      unit: 'pcs',
      unitPrice: 6.1,
      unitsPerCarton: 20,
      cartonLengthCm: 45,
      cartonWidthCm: 35,
      cartonHeightCm: 40,
      netKgPerCarton: 14.2,
      grossKgPerCarton: 15.6,
      marks: ['BRIGHTLINE', 'PO 4500012345', 'LOS ANGELES', 'C/NO. 1-125', 'MADE IN CHINA'],
    },
  ];
}

export function sampleShipment(): ShipmentDocumentInput {
  return {
    documentDate: '2025-03-18',
    invoice: {
      ref: { table: 'Shipments', id: 'recShipment000001' },
      number: 'HM-INV-2025-0318',
      date: '2025-03-18',
      salePlace: 'Ningbo, China',
      signatoryName: 'Chen Li',
      signatoryTitle: 'Export Manager',
      placeOfIssue: 'Ningbo, China',
    },
    order: {
      ref: { table: 'Purchase Orders', id: 'recPurchaseOrder1' },
      poNumber: '4500012345',
      orderDate: '2025-01-06',
      incoterm: 'FOB',
      namedPlace: 'Ningbo, China',
      currency: 'USD',
      paymentTerms: 'T/T 30% deposit, 70% against copy of B/L',
    },
    charges: { ref: { table: 'Shipments', id: 'recShipment000001' } },
    exporter: {
      ref: { table: 'Suppliers', id: 'recSupplierHuamei' },
      name: 'Ningbo Huamei Electric Appliance Co., Ltd.',
      nameLocal: '宁波华美电器有限公司',
      address: ['No. 88 Jinhai Road, Beilun District', 'Ningbo, Zhejiang 315800'],
      country: 'CN',
      phone: '+86 574 8688 1234',
      email: 'export@huamei-electric.example',
      taxIds: [{ label: 'USCI', value: '91330206MA2H7XYZ4K' }],
    },
    buyer: {
      ref: { table: 'Clients', id: 'recClientBrightln' },
      name: 'Brightline Home Goods Inc.',
      address: ['2100 E. Olympic Blvd, Suite 400', 'Los Angeles, CA 90021'],
      country: 'United States',
      contact: 'Dana Whitfield',
      phone: '+1 213 555 0142',
      taxIds: [{ label: 'IOR No.', value: '95-4412876-00' }],
    },
    consignee: {
      ref: { table: 'Clients', id: 'recClientBrightln' },
      name: 'Brightline Home Goods Inc.',
      address: ['Warehouse 3, 1450 W. 190th Street', 'Torrance, CA 90501'],
      country: 'US',
    },
    notifyParty: {
      ref: { table: 'Shipments', id: 'recShipment000001' },
      name: 'Pacific Gateway Customs Brokers LLC',
      address: ['300 Oceangate, Suite 800', 'Long Beach, CA 90802'],
      country: 'US',
      phone: '+1 562 555 0199',
    },
    lines: sampleLines(),
    shipment: {
      ref: { table: 'Shipments', id: 'recShipment000001' },
      mode: 'Sea FCL',
      carrier: 'COSCO Shipping Lines',
      bookingRef: 'COSU6401234560',
      blType: 'Original',
      vesselVoyage: 'COSCO FORTUNE / 062E',
      portOfLoading: 'Ningbo, China',
      portOfDischarge: 'Los Angeles, CA, USA',
      placeOfDelivery: 'Torrance, CA, USA',
      destinationCountry: 'US',
      usPortOfEntry: 'Los Angeles, CA (2704)',
      etd: '2025-03-22',
      containers: [{ number: 'CSQU3054383', sealNumber: 'CN2025031801', type: '40HC' }],
    },
  };
}

const PRODUCTS = [
  ['Stainless steel vacuum flask, 500 ml, double wall, powder-coated', '不锈钢保温杯 500毫升', '9617.00.1000', 48, 42, 32, 28, 9.6, 10.8],
  ['Silicone spatula set of 3, heat resistant to 230 °C, BPA free', '硅胶铲三件套', '3924.10.4000', 60, 50, 35, 30, 7.2, 8.1],
  ['Bamboo cutting board 38 × 28 cm with juice groove', '竹砧板', '4419.19.9000', 20, 40, 30, 40, 16.4, 17.3],
  ['Glass food storage container, 1.0 L, snap-lock lid', '玻璃保鲜盒 1.0升', '7013.49.5000', 24, 45, 36, 30, 11.5, 12.9],
  ['Ceramic coated frying pan, 28 cm, induction base, soft-touch handle', '陶瓷涂层煎锅 28厘米', '7323.93.0080', 10, 56, 32, 36, 12.8, 14.0],
] as const;

/** A PO of `count` lines (200 for the pagination test), cycling through five kitchen products. */
export function largeShipment(count: number): ShipmentDocumentInput {
  const input = sampleShipment();
  input.lines = Array.from({ length: count }, (_, i): LineInput => {
    const [description, local, hs, perCarton, l, w, h, net, gross] = PRODUCTS[i % PRODUCTS.length] ?? PRODUCTS[0];
    const cartons = 2 + (i % 7);
    return {
      ref: { table: 'Line Items', id: `recLine${String(i + 1).padStart(10, '0')}` },
      sku: `HM-${String(1000 + i)}`,
      description: `${description}, colour ${['white', 'black', 'sage green', 'sand', 'red'][i % 5]}`,
      descriptionLocal: local,
      hsCode: hs,
      countryOfOrigin: 'CN',
      quantity: perCarton * cartons,
      unit: 'PCS',
      unitPrice: (1.25 + (i % 13) * 0.35).toFixed(2),
      unitsPerCarton: perCarton,
      cartonLengthCm: l,
      cartonWidthCm: w,
      cartonHeightCm: h,
      netKgPerCarton: net,
      grossKgPerCarton: gross,
      marks: ['BRIGHTLINE', 'PO 4500012345', 'LOS ANGELES', 'MADE IN CHINA'],
    };
  });
  return input;
}
