package org.hackablemail.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Changes to the {@code SpfAnnotator} mailet of an installed {@code mailetcontainer.xml}, made on the XML tree so
 * that they do not depend on the file's layout.
 */
final class SpfAnnotatorConf {
    private static final String ANNOTATOR_CLASS = "org.hackablemail.mailets.SpfAnnotator";

    private final Path file;
    private final Document document;
    private final Element annotator;

    private SpfAnnotatorConf(Path file, Document document, Element annotator) {
        this.file = file;
        this.document = document;
        this.annotator = annotator;
    }

    static SpfAnnotatorConf in(Path conf) throws IOException {
        Path file = conf.resolve("mailetcontainer.xml");
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
            return new SpfAnnotatorConf(file, document, annotator(document, file));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Cannot read " + file, e);
        }
    }

    private static Element annotator(Document document, Path file) throws IOException {
        NodeList mailets = document.getElementsByTagName("mailet");
        for (int i = 0; i < mailets.getLength(); i++) {
            Element mailet = (Element) mailets.item(i);
            if (mailet.getAttribute("class").equals(ANNOTATOR_CLASS)) {
                return mailet;
            }
        }
        throw new IOException("No " + ANNOTATOR_CLASS + " mailet in " + file);
    }

    /** Adds a parameter to the annotator. */
    SpfAnnotatorConf parameter(String name, String value) {
        annotator.appendChild(parameterElement(name, value));
        return this;
    }

    /** Puts a mailet right after the annotator. */
    SpfAnnotatorConf followedBy(String match, String mailetClass, Map<String, String> parameters) {
        Element mailet = document.createElement("mailet");
        mailet.setAttribute("match", match);
        mailet.setAttribute("class", mailetClass);
        parameters.forEach((name, value) -> mailet.appendChild(parameterElement(name, value)));
        annotator.getParentNode().insertBefore(mailet, annotator.getNextSibling());
        return this;
    }

    void write() throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IOException("Cannot write " + file, e);
        }
    }

    private Element parameterElement(String name, String value) {
        Element parameter = document.createElement(name);
        parameter.setTextContent(value);
        return parameter;
    }
}
