// The ward map screen: choose a capability and see which wards are covered, thinly covered or gaps;
// where partners are; which wards have no parish council. Every fact on the map is also in the ward
// list and the ward panel beside it, which work with a keyboard. Reads IndexedDB only, so works offline.
import './map.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CAPABILITIES, capabilityLabel, type CapabilityId } from '../../../domain/entities/capabilities.ts';
import { coverageForCapability, partnersCoveringWard } from '../../../domain/gaps/gapAnalysis.ts';
import { isStrategic } from '../../../domain/entities/partner.ts';
import { useCoverageData } from '../coverage/useCoverageData.ts';
import { useOpenRequestsByWard } from '../coverage/openRequests.ts';
import { useAppConfig } from './useAppConfig.ts';
import { wardLook, type WardLook } from './mapShading.ts';
import { WardMap, type WardSelection } from './WardMap.tsx';
import { GapPattern, MapLegend } from './MapLegend.tsx';
import { WardList } from './WardList.tsx';
import { MappedPartnerList } from './MappedPartnerList.tsx';
import { WardPanel } from './WardPanel.tsx';
import type { MappedPartner } from './PartnerMarkers.tsx';
import { useOnline } from '../../useOnline.ts';
import { DecileLegend, mostDeprivedWords, useLsoas } from '../deprivation/LsoaLayer.tsx';
import { WardSearch } from './WardSearch.tsx';

/** One empty list, so hiding partners does not redraw the canvas on every render. */
const NO_PARTNERS: readonly MappedPartner[] = [];

export function MapScreen() {
  const data = useCoverageData();
  const openRequests = useOpenRequestsByWard();
  const config = useAppConfig();
  const online = useOnline();
  const [capability, setCapability] = useState<CapabilityId | null>(null);
  const [showPartners, setShowPartners] = useState(true);
  const [showParishes, setShowParishes] = useState(false);
  const lsoas = useLsoas();
  const [showDeprivation, setShowDeprivation] = useState(false);
  // A ward named in the address (from the gap list, say) is chosen and zoomed to.
  const [selection, setSelection] = useState<WardSelection | null>(() => {
    const code = new URLSearchParams(location.search).get('ward');
    return code ? { code, fromList: true } : null;
  });
  const panelHeading = useRef<HTMLHeadingElement>(null);

  const looks = useMemo(() => {
    const result = new Map<string, WardLook>();
    if (!data) return result;
    const counts = capability
      ? coverageForCapability(capability, data.wards, data.parishes, data.partners)
      : null;
    for (const ward of data.wards) result.set(ward.code, wardLook(counts?.get(ward.code)));
    return result;
  }, [data, capability]);

  // Active partners (offering the chosen capability, if any); those with no base can't be drawn.
  const located = useMemo(() => {
    const mapped: MappedPartner[] = [];
    let withoutLocation = 0;
    for (const partner of data?.partners ?? []) {
      if (partner.status !== 'active' || (capability && !partner.capabilities.includes(capability))) continue;
      const { lat, lon } = partner.base;
      if (lat === null || lon === null) withoutLocation += 1;
      else
        mapped.push({
          id: partner.id,
          name: partner.name,
          strategic: isStrategic(partner),
          latLng: [lat, lon],
        });
    }
    return { mapped, withoutLocation };
  }, [data, capability]);

  const parishesWithBoundary = useMemo(
    () => (data?.parishes ?? []).filter((parish) => parish.boundary !== null),
    [data],
  );
  const selectedWard = data?.wards.find((ward) => ward.code === selection?.code);
  const cover = useMemo(
    () =>
      data && selectedWard ? partnersCoveringWard(selectedWard.code, data.parishes, data.partners) : null,
    [data, selectedWard],
  );

  const chooseOnMap = useCallback((code: string) => setSelection({ code, fromList: false }), []);
  const chooseInList = useCallback((code: string) => setSelection({ code, fromList: true }), []);
  useEffect(() => {
    // From the list, focus moves to the ward's details; from a tap, they scroll into view.
    if (!selection) return;
    if (selection.fromList) panelHeading.current?.focus();
    else panelHeading.current?.scrollIntoView({ block: 'nearest' });
  }, [selection]);

  if (!data) return <p role="status">Loading the map…</p>;
  const { wards, parishes } = data;
  const unparished = wards.filter((ward) => !ward.parished).length;

  return (
    <>
      <h1 tabIndex={-1}>Map</h1>
      {wards.length === 0 ? (
        <p className="empty">
          No wards on this device yet. They arrive with the first sync; if you are offline, connect once to
          download them.
        </p>
      ) : (
        <>
          <GapPattern />
          <p className="count">
            {wards.length} wards, {unparished} unparished. {located.mapped.length} active partners
            {capability ? ` offering ${capabilityLabel(capability)}` : ''} on the map.
          </p>
          {!online && config.tileUrl && (
            <p className="banner warning">Offline: the background shows only map tiles seen before.</p>
          )}
          <WardSearch wards={wards} onChoose={chooseInList} />
          <div className="map-controls">
            <label htmlFor="map-capability">Shade wards by capability</label>
            <select
              id="map-capability"
              value={capability ?? ''}
              onChange={(event) => setCapability((event.target.value || null) as CapabilityId | null)}
            >
              <option value="">None: show boundaries only</option>
              {CAPABILITIES.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.label}
                </option>
              ))}
            </select>
            <label className="inline">
              <input
                type="checkbox"
                checked={showPartners}
                onChange={(event) => setShowPartners(event.target.checked)}
              />
              Show partners
            </label>
            {lsoas && lsoas.length > 0 && (
              <label className="inline">
                <input
                  type="checkbox"
                  checked={showDeprivation}
                  onChange={(event) => setShowDeprivation(event.target.checked)}
                />
                Show deprivation by LSOA ({lsoas.length} small areas)
              </label>
            )}
            {parishesWithBoundary.length > 0 ? (
              <label className="inline">
                <input
                  type="checkbox"
                  checked={showParishes}
                  onChange={(event) => setShowParishes(event.target.checked)}
                />
                Show parish boundaries (only {parishesWithBoundary.length} of {parishes.length} parishes have
                one)
              </label>
            ) : (
              <p className="count">
                Parish boundaries: none of the {parishes.length} parishes has a boundary on this device, so
                none are drawn. Each ward lists its parishes.
              </p>
            )}
          </div>
          <div className="map-layout">
            <div className="map-main">
              <WardMap
                wards={wards}
                parishesWithBoundary={showParishes ? parishesWithBoundary : null}
                partners={showPartners ? located.mapped : NO_PARTNERS}
                looks={looks}
                openRequests={openRequests}
                selection={selection}
                onSelectWard={chooseOnMap}
                tileUrl={config.tileUrl}
                tileAttribution={config.tileAttribution}
                lsoas={showDeprivation ? (lsoas ?? null) : null}
              />
              {showDeprivation && <DecileLegend />}
              <MapLegend
                capability={capability}
                looks={looks}
                wardCount={wards.length}
                unparishedCount={unparished}
                partnersShown={showPartners ? located.mapped.length : null}
                partnersWithoutLocation={located.withoutLocation}
                parishLinesShown={showParishes && parishesWithBoundary.length > 0}
                openRequestTotal={
                  openRequests ? [...openRequests.values()].reduce((sum, count) => sum + count, 0) : null
                }
              />
              <MappedPartnerList partners={showPartners ? located.mapped : NO_PARTNERS} />
            </div>
            <div className="map-side">
              {selectedWard && cover && (
                <WardPanel
                  ward={selectedWard}
                  parishNames={parishes
                    .filter((parish) => parish.wardCodes.includes(selectedWard.code))
                    .map((parish) => parish.name)}
                  cover={cover}
                  capability={capability}
                  openRequests={openRequests ? (openRequests.get(selectedWard.code) ?? 0) : undefined}
                  headingRef={panelHeading}
                  deprivation={lsoas ? mostDeprivedWords(lsoas, selectedWard.code) : null}
                />
              )}
              <h2>Wards</h2>
              <WardList
                wards={wards}
                looks={looks}
                openRequests={openRequests}
                selectedCode={selection?.code ?? null}
                onChoose={chooseInList}
              />
            </div>
          </div>
        </>
      )}
    </>
  );
}
