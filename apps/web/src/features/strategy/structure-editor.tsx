import { useState, type FormEvent } from 'react';
import { Button, Fieldset, FieldsetLegend, Heading, Textfield } from '@digdir/designsystemet-react';
import type { StrategyOverview } from '@innspill/contracts';
import { useI18n } from '../../i18n/i18n.tsx';

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * Edit form for the strategy's structure: dimensions (name and description), the pillars with
 * their label, and other areas. Lists of names are one per line; dimensions have a fieldset each.
 */
export function StructureEditor({
  structure,
  onSave,
}: {
  structure: StrategyOverview['structure'];
  onSave: (body: {
    dimensions: { name: string; description: string }[];
    pillarsLabel: string | null;
    pillars: string[];
    otherAreas: string[];
  }) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [dimensions, setDimensions] = useState(structure.dimensions);
  const [pillarsLabel, setPillarsLabel] = useState(structure.pillarsLabel ?? '');
  const [pillars, setPillars] = useState(structure.pillars.join('\n'));
  const [otherAreas, setOtherAreas] = useState(structure.otherAreas.join('\n'));

  const change = (index: number, key: 'name' | 'description', value: string) =>
    setDimensions(
      dimensions.map((dimension, at) => (at === index ? { ...dimension, [key]: value } : dimension)),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await onSave({
      dimensions: dimensions.filter((dimension) => dimension.name.trim() || dimension.description.trim()),
      pillarsLabel: pillarsLabel.trim() || null,
      pillars: lines(pillars),
      otherAreas: lines(otherAreas),
    });
  };

  return (
    <form
      className="statement__form structure-editor"
      aria-labelledby="structure-edit-heading"
      onSubmit={(e) => void submit(e)}
    >
      <Heading level={3} data-size="xs" id="structure-edit-heading">
        {t('structureEdit.title')}
      </Heading>
      {dimensions.map((dimension, index) => (
        <Fieldset key={index}>
          <FieldsetLegend>{t('structureEdit.dimension', { number: index + 1 })}</FieldsetLegend>
          <Textfield
            label={t('structureEdit.dimensionName', { number: index + 1 })}
            required
            value={dimension.name}
            onChange={(e) => change(index, 'name', e.target.value)}
          />
          <Textfield
            label={t('structureEdit.dimensionDescription', { number: index + 1 })}
            value={dimension.description}
            onChange={(e) => change(index, 'description', e.target.value)}
          />
          <Button
            type="button"
            variant="tertiary"
            data-color="danger"
            data-size="sm"
            onClick={() => setDimensions(dimensions.filter((_, at) => at !== index))}
          >
            {t('structureEdit.removeDimension', { number: index + 1 })}
          </Button>
        </Fieldset>
      ))}
      <Button
        type="button"
        variant="secondary"
        data-size="sm"
        onClick={() => setDimensions([...dimensions, { name: '', description: '' }])}
      >
        {t('structureEdit.addDimension')}
      </Button>
      <Textfield
        label={t('structureEdit.pillarsLabel')}
        value={pillarsLabel}
        onChange={(e) => setPillarsLabel(e.target.value)}
      />
      <Textfield
        multiline
        rows={4}
        label={t('strategy.pillars')}
        description={t('processEdit.oneBulletPerLine')}
        value={pillars}
        onChange={(e) => setPillars(e.target.value)}
      />
      <Textfield
        multiline
        rows={3}
        label={t('strategy.otherAreas')}
        description={t('processEdit.oneBulletPerLine')}
        value={otherAreas}
        onChange={(e) => setOtherAreas(e.target.value)}
      />
      <Button type="submit" data-size="sm">
        {t('structureEdit.save')}
      </Button>
    </form>
  );
}
