import { PDFDocument } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
}

/**
 * Sets the document information a PDF reader shows (File › Properties) and file indexers read:
 * Chromium's print engine writes its own name as the creator and no author at all. The pages are
 * left as they are; only the document information dictionary changes.
 */
export async function withPdfMetadata(bytes: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    // The brief matters more than its properties: a PDF this cannot read is delivered as printed.
    console.error('Dossier: the PDF was printed but its properties could not be set:', error);
    return bytes;
  }
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author.trim()) pdf.setAuthor(meta.author.trim());
  pdf.setSubject(meta.subject);
  pdf.setCreator('Dossier');
  pdf.setProducer('Dossier');
  pdf.setKeywords([]);
  return pdf.save({ useObjectStreams: false });
}
