import { integerInWords } from './amount-in-words.ts';
import { formatDate, formatInteger, partyBlock, upper, type PartyBlock } from './format.ts';
import type { PreparedShipment } from './prepared.ts';

export interface OriginItem {
  itemNo: string;
  description: string;
  hsCode: string;
  quantity: string;
}

export interface CertificateOfOriginContent {
  kind: 'certificate-of-origin';
  title: string;
  subtitle: string;
  /** Assigned by the issuing body (CCPIT or China Customs); blank on the application draft. */
  certificateNumber: string;
  documentDate: string;
  issuedOn: string;
  box1Exporter: PartyBlock;
  box2Consignee: PartyBlock;
  box3Transport: { from: string; to: string; by: string; text: string };
  box4Destination: string;
  box6Marks: string[];
  /** Box 7 opens with the package count in words and figures; items follow; `***` closes it. */
  box7Packages: string;
  /** The package count in figures, for the cross-document check. */
  packageCount: string;
  items: OriginItem[];
  box7Closing: string;
  box10Invoice: { number: string; date: string };
  box11Declaration: { text: string; place: string; date: string; signatory: string; company: string };
  box12Certification: { text: string };
}

/** Mode of transport as CO box 3 words it: "BY SEA", "BY AIR". */
function byMode(mode: PreparedShipment['transport']['mode']): string {
  return mode === 'Air' || mode === 'Express' ? 'BY AIR' : 'BY SEA';
}

/**
 * China's non-preferential certificate of origin (CCPIT / China Customs form, boxes 1–12). Only built when the
 * exporter is in China; every line is then of Chinese origin (validation refuses mixed consignments).
 */
export function buildCertificateOfOrigin(s: PreparedShipment): CertificateOfOriginContent | null {
  if (s.exporter.country?.code !== 'CN') return null;
  const t = s.transport;
  const from = upper(t.portOfLoading);
  const to = upper(t.portOfDischarge);
  const by = byMode(t.mode);
  const count = s.packages.count;
  return {
    kind: 'certificate-of-origin',
    title: 'CERTIFICATE OF ORIGIN',
    subtitle: "OF THE PEOPLE'S REPUBLIC OF CHINA",
    certificateNumber: s.certificateNumber ?? '',
    documentDate: formatDate(s.documentDate),
    issuedOn: s.documentDate,
    box1Exporter: partyBlock(s.exporter),
    box2Consignee: partyBlock(s.consignee),
    box3Transport: { from, to, by, text: `FROM ${from} TO ${to} ${by}` },
    box4Destination: upper(t.destination.name),
    box6Marks: s.marks,
    box7Packages: `${integerInWords(count)} (${formatInteger(count)}) ${s.packages.kind} OF:`,
    packageCount: formatInteger(count),
    items: s.lines.map((line) => ({
      itemNo: String(line.no),
      description: upper(line.description),
      hsCode: line.hsCode,
      quantity: `${formatInteger(line.quantity)} ${line.unit}`,
    })),
    // Closing the description stops anything being added after certification.
    box7Closing: '*** *** ***',
    box10Invoice: { number: s.invoice.number, date: formatDate(s.invoice.date) },
    box11Declaration: {
      text:
        'The undersigned hereby declares that the above details and statements are correct, that all the goods were ' +
        "produced in China and that they comply with the Rules of Origin of the People's Republic of China.",
      place: upper(s.invoice.placeOfIssue),
      date: formatDate(s.documentDate),
      signatory: `${s.invoice.signatoryName}, ${s.invoice.signatoryTitle}`,
      company: s.exporter.name,
    },
    box12Certification: { text: 'It is hereby certified that the declaration by the exporter is correct.' },
  };
}
